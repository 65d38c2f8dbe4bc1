/**
 * What stops a preview or run, said at its cause (docs/pane.md): every column still to choose, and
 * why the pane could not choose it. Pure: no React, no Office.
 */
import { METRICS, looksNumeric, type CellValue, type Metric } from '../../core';
import { t } from '../../i18n';
import type { ColumnsForm, Localized } from '../form';

/** The metrics without a column, in R, F, M order. */
export function missingMetrics(form: ColumnsForm): Metric[] {
  return METRICS.filter((m) => form.columns[m] === undefined);
}

/** Why no column could be detected: too few columns, none numeric, or no header naming them. */
export function missingReason(form: ColumnsForm, firstRow: readonly CellValue[], columnCount: number): Localized {
  if (columnCount < METRICS.length) return (l) => t(l, 'pane.columns.reasonFew', { count: columnCount });
  const numeric = firstRow.some((v) => typeof v === 'number' || (typeof v === 'string' && looksNumeric(v)));
  if (!form.header && !numeric) return (l) => t(l, 'pane.columns.reasonNoNumeric');
  return (l) => t(l, form.header ? 'pane.columns.reasonNoHeader' : 'pane.columns.noHeader');
}

/** "No column chosen for R, F and M: the range has 2 columns …" — every missing column and the reason. */
export function columnsProblem(form: ColumnsForm, firstRow: readonly CellValue[], columnCount: number): Localized {
  const missing = missingMetrics(form).map((m) => m.toUpperCase());
  const reason = missingReason(form, firstRow, columnCount);
  return (l) => `${t(l, 'pane.columns.missingList', { metrics: missing.join(l === 'zh' ? '、' : ', ') })}${l === 'zh' ? '' : ' '}${reason(l)}`;
}
