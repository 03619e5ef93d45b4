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
  verbose: true,
};
