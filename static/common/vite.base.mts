import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

/**
 * The page every Custom UI app is served in (Forge loads the resource's index.html in an iframe): one template for
 * the three apps, given to Vite as the app's index.html, so the build bundles the app's src/main.tsx into it. Its
 * root holds the app's skeleton (styled by screens.css, which the build links in the head): the height the screen
 * will take is held from the first paint, before any script runs.
 */
function indexHtml(root: string, app: string): Plugin {
  const id = resolve(root, 'index.html');
  const title = `Support rules — ${app}`;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    <div id="root">
      <div class="sr-skeleton" data-shape="${app}" aria-busy="true">
        <div class="sr-skeleton-blocks" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
      </div>
    </div>
    <script type="module" src="./src/main.tsx"></script>
  </body>
</html>
`;
  return {
    name: 'support-rules-index-html',
    enforce: 'pre',
    resolveId: (source) => (resolve(root, source) === id ? id : undefined),
    load: (loaded) => (loaded === id ? html : undefined),
  };
}

/**
 * Vite settings every Custom UI app shares: its page from one template, relative asset paths (Forge serves them
 * from an iframe), output in build/.
 * @example export default defineConfig(customUiConfig(import.meta.dirname, 'portal'))
 */
export function customUiConfig(root: string, app: string): UserConfig {
  return {
    base: './',
    plugins: [indexHtml(root, app), react()],
    build: {
      outDir: 'build',
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: resolve(root, 'index.html') },
    },
  };
}
