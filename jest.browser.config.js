/**
 * The real-browser test of the task pane: `npm run test:browser` builds dist/ (production), then this
 * config runs test/browser/*.browser.test.ts, which serve dist/ on localhost and drive the local
 * preview page (the real pane beside the in-memory workbook) in Debian's headless Chromium.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'],
  testTimeout: 120000,
};
