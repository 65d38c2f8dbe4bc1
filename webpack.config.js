// Webpack build of the Excel task pane (src/taskpane) into dist/.
//   npm run build              production build (dist/), Office.js from Microsoft's CDN
//   OFFICE_JS=local npm run build   the same with the local copy of Office.js bundled under office-js/
//                              (networks that cannot reach the CDN; docs/deploy.md)
//   npm run build:dev          development build (local Office.js)
//   npx webpack serve          dev server on port 3000 (https with the office-addin-dev-certs files if present)
//   npm start on Linux         `webpack serve --mode development --env preview`: plain http, for the local
//                              preview page http://localhost:3000/preview.html (no Excel needed)
//   ADDIN_PUBLIC_URL=https://… the origin (and path) the manifest's URLs point at (scripts/addin-settings.js)
//
// Pages: taskpane.html (the add-in, loads Office.js), preview.html (src/preview: the same pane beside
// a grid of an in-memory workbook, no Office.js; built in every mode so the browser tests can open the
// production build) and the help pages help/en-US.html, help/zh-CN.html (src/help, rendered at build
// time, no script). The config is a function of plain options (makeConfig) so test/build can build
// both Office.js variants into temp folders.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const settings = require('./scripts/addin-settings');

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

const OFFICE_JS_DIR = path.join(__dirname, 'node_modules/@microsoft/office-js/dist');

/** The local Office.js files: the loader, the host-to-file mapping table it fetches first (without it
 * Office.onReady never resolves), the non-debug Excel host files, en-us and zh-cn strings. Already
 * minified: `minimized: true` stops Terser re-minifying ~10 MB (53 s). */
function officeJsCopyPatterns() {
  return [
    ...['office.js', 'o15apptofilemappingtable.js', 'es6-promise.js'].map((file) => ({
      context: OFFICE_JS_DIR,
      from: file,
      to: 'office-js/',
      info: { minimized: true },
    })),
    {
      context: OFFICE_JS_DIR,
      from: 'excel*.js', // excel-<platform>-16.00*.js and the older excel-15 / excelwebapp-15 files
      to: 'office-js/',
      globOptions: { ignore: ['**/*.debug.js'] },
      info: { minimized: true },
    },
    ...['en-us', 'zh-cn'].map((locale) => ({
      context: OFFICE_JS_DIR,
      from: `${locale}/**/*`,
      to: 'office-js/',
      globOptions: { ignore: ['**/*.debug.js'] },
      noErrorOnMissing: true,
      info: { minimized: true },
    })),
  ];
}

/** dist/manifest.xml: manifest.xml with the development URL replaced by the public URL and the
 * version stamped from package.json (docs/manifest-checks.md). */
function productionManifest(content, url, version) {
  const text = content.toString('utf8').split(settings.DEV_URL).join(url);
  const stamped = text.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (stamped === text && !text.includes(`<Version>${version}</Version>`)) throw new Error('manifest.xml has no <Version> element to stamp');
  return stamped;
}

/**
 * The webpack configuration for plain options:
 *   production  minified, hashed file names, no source maps
 *   officeJs    "cdn" | "local" (settings.officeJsSource)
 *   publicUrl   the manifest's URL (settings.publicUrl)
 *   outputPath  default dist/
 *   entries     the script entries to build (default both; test/build builds only the pane)
 *   quick       no minifying and no type-check in ts-loader (test/build: what it checks, the pages,
 *               Office.js reference, copied files and manifest, does not depend on either; `npm run
 *               typecheck` covers the types)
 *   preview     dev server over plain http for the local preview
 */
function makeConfig(options) {
  const production = Boolean(options.production);
  const officeJs = options.officeJs;
  const url = options.publicUrl;
  const version = settings.productVersion();
  const entries = options.entries || ['taskpane', 'preview'];
  const allEntries = { taskpane: './src/taskpane/index.tsx', preview: './src/preview/index.tsx' };
  const helpPages = [
    { lang: 'en', file: 'help/en-US.html' },
    { lang: 'zh', file: 'help/zh-CN.html' },
  ];

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: Object.fromEntries(entries.map((name) => [name, allEntries[name]])),
    output: {
      path: options.outputPath || path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    optimization: { minimize: production && !options.quick },
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
              transpileOnly: Boolean(options.quick),
            },
          },
        },
      ],
    },
    plugins: [
      // The version the pane records on every parameters sheet (src/taskpane/version.ts).
      new webpack.DefinePlugin({ __RFM_VERSION__: JSON.stringify(version) }),
      ...(entries.includes('taskpane')
        ? [
            new HtmlWebpackPlugin({
              template: './src/taskpane/taskpane.html',
              filename: 'taskpane.html',
              chunks: ['taskpane'],
              // Office.js must be in <head> before the bundle: the bundle calls Office.onReady.
              templateParameters: {
                officeJsUrl: officeJs === 'cdn' ? settings.OFFICE_CDN : settings.OFFICE_LOCAL,
                contentSecurityPolicy: settings.contentSecurityPolicy(officeJs),
              },
            }),
          ]
        : []),
      ...(entries.includes('preview')
        ? [
            new HtmlWebpackPlugin({
              template: './src/preview/preview.html',
              filename: 'preview.html',
              chunks: ['preview'],
            }),
          ]
        : []),
      // The help pages (SupportUrl, LearnMoreUrl): static HTML rendered at build time by
      // src/help/template.ts from the i18n tables and the registered schemes.
      ...helpPages.map(
        ({ lang, file }) =>
          new HtmlWebpackPlugin({
            template: './src/help/template.ts',
            filename: file,
            inject: false,
            chunks: [],
            minify: false,
            templateParameters: { lang, version },
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => productionManifest(content, url, settings.manifestVersion(version)),
          },
          // Office.js served with the add-in only when asked for (OFFICE_JS=local, development):
          // production references Microsoft's CDN, as Office and AppSource require.
          ...(officeJs === 'local' ? officeJsCopyPatterns() : []),
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
      server: options.preview ? 'http' : devServerTransport(),
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  return makeConfig({
    production,
    officeJs: settings.officeJsSource(production),
    publicUrl: settings.publicUrl(),
    // The preview page needs no add-in certificates: serve it over plain http (scripts/start.js says so).
    preview: Boolean(env.preview),
  });
};
module.exports.makeConfig = makeConfig;
module.exports.productionManifest = productionManifest;
