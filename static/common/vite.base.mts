import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/** Vite settings every Custom UI app shares: relative asset paths (Forge serves them from an iframe), output in build/. */
export function customUiConfig(): UserConfig {
  return {
    base: './',
    plugins: [react()],
    build: { outDir: 'build', emptyOutDir: true, sourcemap: false },
  };
}
