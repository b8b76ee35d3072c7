import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.ts'],
    // The language-server and CLI tests spawn processes; rule tests are fast.
    testTimeout: 30_000,
  },
});
