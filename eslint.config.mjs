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
  {
    // The layers (README "Architecture", docs/pane.md): the engine is pure, so the command line, the
    // add-in and the tests all run the same code; it imports nothing of the surfaces, React or Node.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/excel', '**/excel/**', '**/cli', '**/cli/**', '**/taskpane', '**/taskpane/**', '**/preview/**'], message: 'src/core is pure: the surfaces import it, never the other way round.' },
            { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'src/core is pure: no UI library.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'exceljs', 'papaparse'], message: 'src/core is pure: no file or process I/O (src/cli adapts it).' },
          ],
        },
      ],
    },
  },
  {
    // Components reach Office only through hooks (src/taskpane/use*.ts), which hand them data and
    // callbacks as props; a component may still name src/excel's types.
    files: ['src/taskpane/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/excel', '**/excel/**'], allowTypeImports: true, message: 'Components reach Excel through a hook (src/taskpane/use*.ts), not src/excel.' },
          ],
        },
      ],
    },
  },
]);
