// Pure logic: no broker, no database. Fast, and run first.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'unit',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/services/**/*.spec.ts', '<rootDir>/infra/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
};
