import { defineConfig } from 'vite';
import { customUiConfig } from '../common/vite.base.mts';

export default defineConfig(customUiConfig(import.meta.dirname, 'sla-report'));
