/** Types of webpack.config.js for test/build (the production build of both Office.js variants). */
import type { Configuration } from 'webpack';
import type { OfficeJsSource } from './scripts/addin-settings';

export interface BuildOptions {
  production?: boolean;
  officeJs: OfficeJsSource;
  publicUrl: string;
  outputPath?: string;
  entries?: Array<'taskpane' | 'preview'>;
  quick?: boolean;
  preview?: boolean;
}
declare function config(env?: Record<string, unknown>, argv?: { mode?: string }): Configuration;
declare namespace config {
  function makeConfig(options: BuildOptions): Configuration;
  function productionManifest(content: Buffer | string, url: string, version: string): string;
}
export = config;
