import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precachePlugin } from './src/build/precache-plugin.js';

/**
 * The wallet PWA. `base: './'` so one build works under any path (`/`, `/wallet/`); the service
 * worker's precache list is filled in after the build by `precachePlugin`.
 */
export default defineConfig({
  base: './',
  plugins: [react(), precachePlugin()],
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    // the entry holds the core library; the first load is measured (gzip) by the browser test
    chunkSizeWarningLimit: 1024,
  },
});
