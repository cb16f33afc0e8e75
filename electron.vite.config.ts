import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // Worker threads are entries of their own: the job host starts them from files beside the main bundle.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          'task-worker': resolve(__dirname, 'src/main/tasks/worker.ts'),
          'kernel-worker': resolve(__dirname, 'src/main/scoring/parallel/kernel-worker.ts'),
          'engine-worker': resolve(__dirname, 'src/main/engine/worker.ts'),
          // The desktop app's engine, forked as an Electron utilityProcess (desktop/engine-process.ts).
          'engine-process': resolve(__dirname, 'src/main/engine/process.ts'),
          // User models run in a Node child under the permission model (scoring/user-models/sandbox.ts).
          'model-sandbox': resolve(__dirname, 'src/main/scoring/user-models/sandbox-child.mjs'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      // A sandboxed preload cannot be an ES module.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
  },
});
