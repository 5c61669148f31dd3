// Jest for the LWC bundles only (sfdx-lwc-jest: LWC compiler, lightning-* stubs, wire adapter
// test doubles). Vitest never sees these files: its include is test/**/*.test.ts.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app/main/default/lwc'],
  testMatch: ['**/__tests__/**/*.test.js'],
};
