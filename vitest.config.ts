import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

// A plain-Node `import 'electron'` would try to download the Electron binary:
// every test sees a mock instead (tests that assert Electron calls use vi.mock).
const electronMock = { electron: resolve(root, 'test/mocks/electron.ts') };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: electronMock },
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/e2e-electron/**', 'node_modules/**'],
        },
      },
      {
        plugins: [react()],
        resolve: { alias: electronMock },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/renderer.ts'],
        },
      },
    ],
  },
});
