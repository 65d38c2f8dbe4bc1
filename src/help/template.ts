/**
 * html-webpack-plugin template of the help pages (webpack.config.js renders it once per language with
 * templateParameters { lang, version }): the page is static HTML, built at build time.
 */
import type { Lang } from '../i18n';
import { renderHelp } from './render';

export default function template(params: { lang: Lang; version: string }): string {
  return renderHelp(params.lang, params.version);
}
