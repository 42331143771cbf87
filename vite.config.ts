import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the SPA from web/ into dist/web, which the server serves. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
