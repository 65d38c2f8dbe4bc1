// ESLint flat config: `npx eslint src test bench` (npm run lint).
// office-addin-lint's own config ignores .tsx, so the project lints with this one.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default defineConfig([
  {
    ignores: [
      'dist/**',
      'lib/**',
      'node_modules/**',
      'coverage/**',
      'scripts/**',
      'tools/**',
      'webpack.config.js',
    ],
  },
  {
    files: ['{src,test,bench}/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
  },
  {
    // Excel JavaScript API usage: load before read, sync after load, no sync in loops, …
    // (the plugin's rules only; its "recommended" preset also forces prettier formatting).
    files: ['src/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
    },
  },
]);
