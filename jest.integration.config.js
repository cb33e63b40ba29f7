// Real Kafka and PostgreSQL: the harness (libs/testing) finds or starts them once for the run.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: ['<rootDir>/infra/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/services/**/*.int-spec.ts', '<rootDir>/scripts/**/*.int-spec.ts', '<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/faults/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
