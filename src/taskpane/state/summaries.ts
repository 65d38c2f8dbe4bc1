/**
 * The one-line summary of each collapsed section (docs/pane.md), e.g. "Weighted 0.3/0.3/0.4 ·
 * quintiles · A ≥ 4". Pure: no React, no Office.
 */
import { METRICS, columnLetter, gradesText } from '../../core';
import type { OutputMode } from '../../excel';
import { t, type Lang } from '../../i18n';
import type { ColumnsForm, MethodKind, SchemeForm } from '../form';
import type { InsightForm } from '../insight';
import type { PeriodsForm } from '../periods';
import type { BuiltScheme } from './pane';

const SEP = ' · ';

function kindText(lang: Lang, kind: MethodKind, bins: string): string {
  if (kind === 'quintile') return bins.trim() === '5' ? t(lang, 'pane.summary.quintile') : t(lang, 'pane.summary.bins', { bins: bins.trim() });
  return t(lang, kind === 'breaks' ? 'pane.summary.breaks' : 'pane.summary.raw');
}

/** "Weighted 0.3/0.3/0.4 · quintiles · A ≥ 4" (the form as typed, so a half-typed scheme still reads). */
export function schemeSummary(lang: Lang, form: SchemeForm, built: BuiltScheme): string {
  const variant =
    form.variant === 'weighted'
      ? t(lang, 'pane.summary.weighted', { weights: form.weights.map((w) => w.trim()).join('/') })
      : t(lang, 'pane.summary.additive');
  const kinds = METRICS.map((m) => form.methods[m].kind);
  const methods = kinds.every((k) => k === kinds[0])
    ? kindText(lang, kinds[0], form.bins)
    : t(lang, 'pane.summary.mixed', { r: kindText(lang, kinds[0], form.bins), f: kindText(lang, kinds[1], form.bins), m: kindText(lang, kinds[2], form.bins) });
  const top = built.scheme?.grades[0];
  const grades = top && top.min !== null ? `${top.label} ≥ ${top.min}` : built.scheme ? gradesText(built.scheme.grades) : form.grades.trim();
  const nested = form.binning === 'nested' ? [t(lang, 'pane.binning.summary')] : [];
  return [variant, methods, ...nested, grades].join(SEP);
}

/** "R: D · F: E · M: F" (sheet letters), or what is still to choose. */
export function columnsSummary(lang: Lang, form: ColumnsForm, tableColumn: number): string {
  const letter = (i: number | undefined) => (i === undefined ? '?' : columnLetter(tableColumn + i));
  if (METRICS.some((m) => form.columns[m] === undefined)) return t(lang, 'pane.summary.noColumns');
  return t(lang, 'pane.summary.columns', { r: letter(form.columns.r), f: letter(form.columns.f), m: letter(form.columns.m) });
}

export function insightSummary(lang: Lang, form: InsightForm): string {
  const parts: string[] = [];
  if (form.segments) parts.push(t(lang, 'pane.summary.segments'));
  if (form.followUp) parts.push(t(lang, 'pane.summary.followUp'));
  return parts.length ? parts.join(SEP) : t(lang, 'pane.summary.none');
}

export function periodsSummary(lang: Lang, form: PeriodsForm): string {
  const parts: string[] = [];
  if (form.scale) parts.push(t(lang, 'pane.summary.scale'));
  if (form.previous) parts.push(t(lang, 'pane.summary.previous'));
  return parts.length ? parts.join(SEP) : t(lang, 'pane.summary.none');
}

export function outputSummary(lang: Lang, output: OutputMode): string {
  return t(lang, output === 'formulas' ? 'pane.summary.formulas' : 'pane.summary.values');
}
