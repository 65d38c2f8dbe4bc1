/** @type {import('jest').Config} */
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The real-browser test needs a build and Chromium: `npm run test:browser` (jest.browser.config.js).
  // The signal suite times how fast a run ends after SIGINT/SIGTERM/SIGHUP (docs/limits.md); beside
  // the fuzz and LibreOffice suites on two cores the scheduler alone can push that past its bound, so
  // it runs in its own step: `npm run test:signals` (jest.signals.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/cli/signals.test.ts'],
  // office-addin-mock → office-addin-manifest → @microsoft/app-manifest pulls ES-only modules that
  // jest cannot require; point office-addin-manifest at its CommonJS entry (see TOOLCHAIN.md).
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
  testTimeout: 60000,
};

/**
 * The Excel I/O suites (test/excel) run again on the in-memory workbook at the manifest's minimum
 * ExcelApi 1.8 (Office 2019) and at 1.14 (Office 2021): `RFM_EXCEL_API` is the level `book()` in
 * test/excel/helpers.ts creates (docs/requirements.md). The default project runs everything at the
 * newest set. The 1,048,576-row suite (large.test.ts) runs at the newest only: it measures payloads,
 * which the level does not change.
 */
const olderExcel = (set, office) => ({
  ...base,
  displayName: `excel ExcelApi ${set} (${office})`,
  testMatch: ['<rootDir>/test/excel/**/*.test.ts'],
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/test/excel/large.test.ts'],
  globals: { RFM_EXCEL_API: set },
});

module.exports = {
  testTimeout: 60000,
  projects: [{ ...base, displayName: 'all (newest ExcelApi)' }, olderExcel('1.8', 'Office 2019'), olderExcel('1.14', 'Office 2021')],
};
