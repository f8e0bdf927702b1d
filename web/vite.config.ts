import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Two pages: the workbench (index.html) and the bundled GraphiQL explorer
// (explorer.html). Everything is served by the Keyline binary from the same
// origin; nothing is loaded from elsewhere.
export default defineConfig({
  plugins: [react()],
  build: {
    // dist/.gitkeep stays (committed) so that the Go embed compiles before any build.
    outDir: 'dist/app',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        workbench: resolve(__dirname, 'index.html'),
        explorer: resolve(__dirname, 'explorer.html'),
      },
    },
  },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:8080',
      '/export': 'http://127.0.0.1:8080',
      '/reports': 'http://127.0.0.1:8080',
      '/workbench.json': 'http://127.0.0.1:8080',
      '/dev': 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
