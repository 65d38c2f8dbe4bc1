// Webpack build of the Excel task pane (src/taskpane) into dist/.
//   npm run build       production build (dist/)
//   npm run build:dev   development build
//   npx webpack serve   dev server on port 3000 (https with the office-addin-dev-certs files if present)
//   npm start on Linux  `webpack serve --mode development --env preview`: plain http, for the local
//                       preview page http://localhost:3000/preview.html (no Excel needed)
//
// Two pages: taskpane.html (the add-in, loads Office.js) and preview.html (src/preview: the same pane
// beside a grid of an in-memory workbook, no Office.js), built in every mode so the browser test can
// open the production build.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';

/*
 * Public URL of the deployed add-in, used for dist/manifest.xml. ONE setting, first match wins:
 *   1. environment variable ADDIN_PUBLIC_URL
 *   2. package.json → "config": { "publicUrl": "…" }
 *   3. https://localhost:3000 (the development URL, i.e. dist/manifest.xml equals manifest.xml)
 * Every https://localhost:3000 in manifest.xml is replaced by it (a trailing "/" is dropped).
 */
function publicUrl() {
  const pkg = require('./package.json');
  const raw = process.env.ADDIN_PUBLIC_URL || (pkg.config && pkg.config.publicUrl) || DEV_URL;
  const url = String(raw).trim().replace(/\/+$/, '');
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL / package.json config.publicUrl is not a URL: ${raw}`);
  }
  if (parsed.protocol !== 'https:') {
    console.warn(`[rfm-grader] public URL ${url} is not https: Office only loads add-ins over https.`);
  }
  return url;
}

/** Certificate made by `npx office-addin-dev-certs install` (read directly: no sudo here to trust it). */
function devServerTransport() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
  }
  return 'http';
}

const OFFICE_JS = path.join(__dirname, 'node_modules/@microsoft/office-js/dist');

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const url = publicUrl();
  // The preview page needs no add-in certificates: serve it over plain http (scripts/start.js says so).
  const previewOnly = Boolean(env.preview);

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // tsconfig.json emits CommonJS (for jest and the CLI); ES modules here let webpack
              // tree-shake Fluent UI (17 MiB bundle otherwise, see TOOLCHAIN.md).
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false },
              // Type-check only what the pane bundles; `npm run typecheck` covers the rest.
              onlyCompileBundledFiles: true,
              transpileOnly: false,
            },
          },
        },
      ],
    },
    plugins: [
      // The version the pane records on every parameters sheet (src/taskpane/version.ts).
      new webpack.DefinePlugin({ __RFM_VERSION__: JSON.stringify(require('./package.json').version) }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        template: './src/preview/preview.html',
        filename: 'preview.html',
        chunks: ['preview'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString('utf8').split(DEV_URL).join(url),
          },
          // Office.js offline (no CDN): the loader, the host-to-file mapping table it fetches first
          // (without it Office.onReady never resolves), the non-debug Excel host files, en-us and
          // zh-cn strings. Already minified: `minimized: true` stops Terser re-minifying ~10 MB (53 s).
          ...['office.js', 'o15apptofilemappingtable.js', 'es6-promise.js'].map((file) => ({
            context: OFFICE_JS,
            from: file,
            to: 'office-js/',
            info: { minimized: true },
          })),
          {
            context: OFFICE_JS,
            from: 'excel*.js', // excel-<platform>-16.00*.js and the older excel-15 / excelwebapp-15 files
            to: 'office-js/',
            globOptions: { ignore: ['**/*.debug.js'] },
            info: { minimized: true },
          },
          ...['en-us', 'zh-cn'].map((locale) => ({
            context: OFFICE_JS,
            from: `${locale}/**/*`,
            to: 'office-js/',
            globOptions: { ignore: ['**/*.debug.js'] },
            noErrorOnMissing: true,
            info: { minimized: true },
          })),
        ],
      }),
    ],
    performance: {
      // office-js/ is vendored as is and preview.html is a development tool (it also bundles the
      // in-memory workbook): only the add-in's own bundle is held to a budget. Measured: 733 KiB
      // with every pane feature (transactions, formulas, summary charts, periods), of which
      // react-dom is 200 KiB; Fluent UI imports are tree-shaken. Next step if it grows: lazy-load
      // the less used sections.
      assetFilter: (file) => !file.startsWith('office-js/') && !file.startsWith('preview') && !file.endsWith('.map'),
      maxAssetSize: 800 * 1024,
      maxEntrypointSize: 800 * 1024,
    },
    devServer: {
      port: 3000,
      server: previewOnly ? 'http' : devServerTransport(),
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};
