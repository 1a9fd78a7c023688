import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// DuckDB-WASM ships its own workers and wasm; pre-bundling it breaks the `?url` imports.
export default defineConfig({
  plugins: [react()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
