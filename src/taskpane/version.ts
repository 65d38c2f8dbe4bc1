/**
 * The product version the pane records on every parameters sheet (docs/periods.md): package.json's version,
 * put into the bundle by webpack's DefinePlugin (webpack.config.js); `dev` where it is not defined
 * (jest runs the sources as they are).
 */
declare const __RFM_VERSION__: string | undefined;

export const PANE_VERSION: string = typeof __RFM_VERSION__ === 'string' ? __RFM_VERSION__ : 'dev';
