/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a running stack (CAAS_DEV_API, e.g. http://127.0.0.1:18090 with
// Host app.caas.localhost); `npm run build` writes dist/, which the gateway jar serves at `/`.
const api = process.env.CAAS_DEV_API ?? 'http://127.0.0.1:18090';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: { '/api': { target: api, changeOrigin: false, headers: { Host: 'app.caas.localhost' } } },
  },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
