// Shared jest settings: SWC for speed (with decorator metadata, which NestJS and class-validator need)
// and the tsconfig path aliases of the libs.
const fs = require('fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@cbec/(contracts|domain|messaging|service-kit|tariff-table|testing|cancellation|privacy|http-edge|single-window)$': '<rootDir>/libs/$1/src/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/tmp/'],
};
