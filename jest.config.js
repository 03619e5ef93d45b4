/** Every test of the workspace; each file gets its own database cloned from a migrated template. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': swc },
  globalSetup: '<rootDir>/test/global-setup.js',
  setupFiles: ['<rootDir>/test/setup-file.js'],
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 60000,
  // Files run side by side, each on its own database: a test file waits on PostgreSQL and Chromium
  // much of its time, so even two cores keep two files busy.
  maxWorkers: Math.max(2, Math.min(4, availableParallelism())),
  // A worker keeps what every file it ran loaded (about 40 MB a file: jest's module registry for a
  // file is not freed) and reached 2.2 GB over a full run; a worker whose heap is over this after a
  // file is replaced by a fresh one.
  workerIdleMemoryLimit: '512MB',
  // At the end jest kills a worker that has not exited within this time. Workers exit 1-2 ms after
  // they are told to, but jest's own process was seen busy for up to 636 ms at a time on two cores,
  // and its default of 500 ms then fired first ('a worker process has failed to exit gracefully').
  workerGracefulExitTimeout: 5000,
  verbose: true,
};
