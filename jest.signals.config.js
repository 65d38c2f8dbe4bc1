/**
 * The signal suite alone (docs/limits.md, "Ending a run"): it asserts that SIGINT, SIGTERM and SIGHUP
 * end a run within a second, which only means something when no other suite competes for the CPU.
 * `npm test` runs it after the main jest step.
 */
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/cli/signals.test.ts'],
  testTimeout: 60000,
};
