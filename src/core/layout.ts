/**
 * Which row is the header and which columns are R, F, M (and the optional customer ID):
 * explicit choices (a column letter or the exact header text) first, then header detection.
 */
import { columnIndex } from './address';
import { detectColumns, isHeaderRow } from './columns';
import { RfmError } from './errors';
import { quoted } from '../i18n/format';
import { metricName } from './scheme';
import { METRICS, type CellValue, type Metric } from './types';

export type HeaderMode = 'auto' | 'yes' | 'no';

/** A column: its letter ("B") or exact header text (command line), or its 0-based index (pane). */
export type ColumnRef = string | number;

export interface LayoutOptions {
  header?: HeaderMode;
  /** undefined = detect from the headers. */
  r?: ColumnRef;
  f?: ColumnRef;
  m?: ColumnRef;
  id?: ColumnRef;
}

export interface Layout {
  header: boolean;
  columns: Record<Metric, number>;
  id?: number;
  /** True for the metrics whose column came from header detection. */
  detected: Record<Metric, boolean>;
}

function text(v: CellValue): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/**
 * Resolve a column reference. The exact header text wins over a column letter when a header row may
 * exist (a header literally named "R" means that column, not column R).
 */
function resolveRef(ref: ColumnRef, firstRow: readonly CellValue[], headerPossible: boolean, role: string): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0) return ref;
    throw new RfmError('layout.noSuchColumn', { role, value: String(ref) });
  }
  const wanted = ref.trim();
  if (headerPossible) {
    const matches = firstRow.flatMap((v, i) => (text(v) === wanted ? [i] : []));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) throw new RfmError('layout.headerTwice', { role, value: ref });
  }
  const idx = columnIndex(wanted);
  if (idx !== undefined) return idx;
  throw new RfmError('layout.noSuchColumn', { role, value: ref });
}

function given(ref: ColumnRef | undefined): ref is ColumnRef {
  return typeof ref === 'number' || (ref !== undefined && ref.trim() !== '');
}

export function resolveLayout(firstRow: readonly CellValue[], opts: LayoutOptions = {}): Layout {
  const mode = opts.header ?? 'auto';
  const headerPossible = mode !== 'no';
  const columns = {} as Record<Metric, number>;
  const detected = { r: false, f: false, m: false };
  const missing: Metric[] = [];
  for (const metric of METRICS) {
    const ref = opts[metric];
    if (given(ref)) columns[metric] = resolveRef(ref, firstRow, headerPossible, metricName(metric));
    else missing.push(metric);
  }
  let headerFromDetection = false;
  if (missing.length) {
    const hasText = firstRow.some((v) => typeof v === 'string' && v.trim() !== '');
    if (!headerPossible || !hasText) {
      throw new RfmError('layout.noHeader', { metrics: missing.map(metricName) });
    }
    const detection = detectColumns(firstRow);
    for (const metric of missing) {
      const found = detection.columns[metric];
      if (found === undefined) {
        const problem = detection.problems.find((p) => p.metric === metric);
        if (problem?.kind === 'ambiguous') {
          throw new RfmError('layout.ambiguous', {
            metric: metricName(metric),
            headers: problem.candidates.map((c) => quoted(text(firstRow[c]))),
          });
        }
        throw new RfmError('layout.missing', { metric: metricName(metric) });
      }
      columns[metric] = found;
      detected[metric] = true;
    }
    headerFromDetection = true;
  }
  for (let i = 0; i < METRICS.length; i++) {
    for (let j = i + 1; j < METRICS.length; j++) {
      if (columns[METRICS[i]] === columns[METRICS[j]]) {
        throw new RfmError('layout.sameColumn', { a: metricName(METRICS[i]), b: metricName(METRICS[j]) });
      }
    }
  }
  const header = mode === 'yes' || (mode === 'auto' && (headerFromDetection || isHeaderRow(firstRow, columns)));
  let id: number | undefined;
  if (given(opts.id)) id = resolveRef(opts.id, firstRow, headerPossible, 'ID');
  else if (header) id = detectColumns(firstRow).columns.id;
  return { header, columns, id, detected };
}
