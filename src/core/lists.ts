/**
 * Customer lists (docs/lists.md): "send me the At Risk customers" — the customers of one grade or one
 * segment, with their ID, R, F, M values, scores, RFM score, grade and segment, sorted by M, best first.
 * One engine for the command line (`--list`, src/cli/lists.ts), the pane ("List customers",
 * src/excel/lists.ts) and the tests.
 *
 * A list is a filter of the scored table: the rows whose grade (or segment) is the chosen one, no
 * other row, in the order of M descending; rows with equal M keep their input order (a stable sort
 * on the exact M values).
 */
import { LANGS, t, type Lang } from '../i18n';
import { segmentMapPreset, segmentNames, type SegmentMap } from './segmentMaps';
import { segmentTable, type SegmentResult } from './segments';
import type { ScoredSheet } from './table';
import type { CellValue, Scheme } from './types';

/**
 * What a list holds: the customers of grade `index` of the scheme, or of segment `index` of the run's
 * segment map (docs/segments.md; Others last).
 */
export interface ListChoice {
  kind: 'grade' | 'segment';
  index: number;
}

/** The run's segment map (the eight segments when it has none). */
const mapOf = (map: SegmentMap | undefined): SegmentMap => map ?? segmentMapPreset('china8');

/**
 * Every list a run can give: its grades (highest first), then the segments of its map; Others only
 * for a map that can leave customers uncovered (not the eight segments).
 */
export function listChoices(scheme: Scheme, map?: SegmentMap): ListChoice[] {
  const segments = map ? map.segments.length + 1 : mapOf(map).segments.length;
  return [
    ...scheme.grades.map((_, index): ListChoice => ({ kind: 'grade', index })),
    ...Array.from({ length: segments }, (_, index): ListChoice => ({ kind: 'segment', index })),
  ];
}

/** The name of a list as shown in `lang`: the grade's label, the segment's name. */
export function listName(choice: ListChoice, scheme: Scheme, lang: Lang, map?: SegmentMap): string {
  return choice.kind === 'grade' ? scheme.grades[choice.index].label : segmentNames(mapOf(map), lang)[choice.index];
}

/** The names shown for every list, in `lang` (for the "unknown list" message and the pane's menu). */
export function listNames(scheme: Scheme, lang: Lang, map?: SegmentMap): string[] {
  return listChoices(scheme, map).map((c) => listName(c, scheme, lang, map));
}

/** Case, width (full-width letters), spaces, hyphens and underscores do not matter in a list's name. */
function key(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\-_‐–—]+/g, '');
}

/** The names one list answers to: a grade by its label; a segment by its name in every language and its id. */
function namesOf(choice: ListChoice, scheme: Scheme, map?: SegmentMap): string[] {
  if (choice.kind === 'grade') return [scheme.grades[choice.index].label];
  const m = mapOf(map);
  const rule = m.segments[choice.index];
  const id = rule && m.kind === 'highLow' ? m.segments[choice.index].id : undefined;
  const names = [...(id ? [id] : []), ...LANGS.map((lang) => segmentNames(m, lang)[choice.index])];
  // "重要价值" as well as "重要价值客户", "important value" as well as "important value customers"
  return names.flatMap((n) => [n, n.replace(/客户$/, ''), `${n} customers`]);
}

/**
 * The list a name asks for — the one place names are looked up (docs/lists.md, "Names"). Grades
 * first (their labels are the analyst's own), then segments in either language; undefined when no
 * list has that name.
 */
export function findList(name: string, scheme: Scheme, map?: SegmentMap): ListChoice | undefined {
  const wanted = key(name);
  if (!wanted) return undefined;
  const choices = listChoices(scheme, map);
  // an exact grade label wins even when the segments' names would also match
  const exact = choices.find((c) => c.kind === 'grade' && scheme.grades[c.index].label === name.trim());
  if (exact) return exact;
  return choices.find((c) => namesOf(c, scheme, map).some((n) => key(n) === wanted));
}

export interface CustomerList {
  choice: ListChoice;
  /** Data row indexes of the list's customers, M descending, ties in input order. */
  rows: number[];
  /** The segments the list used (the run's own, or the default ones when the run had none). */
  segments?: SegmentResult;
}

/**
 * The customers of `choice` in the scored table. A segment list of a run without segments uses the
 * default segment rule (each metric against the mean of its scores, SPEC.md 5).
 */
export function customerList(sheet: ScoredSheet, choice: ListChoice, scheme?: Scheme): CustomerList {
  const { result } = sheet;
  const segments = sheet.segments ?? (choice.kind === 'segment' ? segmentTable(result, {}, scheme) : undefined);
  const member =
    choice.kind === 'grade'
      ? (row: number) => result.grade[row] === choice.index
      : (row: number) => result.grade[row] >= 0 && segments!.segment[row] === choice.index;
  const rows: number[] = [];
  for (let row = 0; row < result.rows; row++) if (member(row)) rows.push(row);
  const m = result.values.m;
  // Array.prototype.sort is stable: equal M keeps the input order. Plain comparisons of the parsed
  // values, never a difference, so no rounding can reorder two customers.
  rows.sort((a, b) => (m[a] > m[b] ? -1 : m[a] < m[b] ? 1 : 0));
  return { choice, rows, segments };
}

export type ListCell = string | number | null;

export type ListColumn = 'row' | 'id' | 'rValue' | 'fValue' | 'mValue' | 'r' | 'f' | 'm' | 'rfm' | 'grade' | 'segment';

/** A list as a table for the writers (CSV, a workbook sheet, an Excel sheet through Office.js). */
export interface ListTable {
  /** The list's name in the output language. */
  name: string;
  columns: ListColumn[];
  headers: string[];
  rows: ListCell[][];
}

function idText(v: CellValue): ListCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '');
  return v.error;
}

/**
 * The list's table: Row (the customer's row in the input), the ID when the input has an ID column,
 * R, F, M values, R, F, M scores, RFM score, grade, and the segment when there are segments.
 * `origin.row`: sheet row of the table's first cell, when the table does not start in row 1.
 */
export function listTable(sheet: ScoredSheet, scheme: Scheme, list: CustomerList, lang: Lang, origin: { row: number } = { row: 0 }): ListTable {
  const { result } = sheet;
  const ids = sheet.layout.id !== undefined ? sheet.idCells : undefined;
  const segments = list.segments;
  const columns: ListColumn[] = [
    'row',
    ...(ids ? (['id'] as const) : []),
    'rValue',
    'fValue',
    'mValue',
    'r',
    'f',
    'm',
    'rfm',
    'grade',
    ...(segments ? (['segment'] as const) : []),
  ];
  const idHeader = () => {
    const h = sheet.headerRow >= 0 && sheet.layout.id !== undefined ? sheet.headerCells[sheet.layout.id] : undefined;
    return typeof h === 'string' && h.trim() ? h.trim() : t(lang, 'list.id');
  };
  const header = (c: ListColumn): string => {
    switch (c) {
      case 'row':
        return t(lang, 'list.row');
      case 'id':
        return idHeader();
      case 'rValue':
      case 'fValue':
      case 'mValue':
        return t(lang, 'list.value', { metric: c[0].toUpperCase() });
      case 'r':
        return t(lang, 'out.rScore');
      case 'f':
        return t(lang, 'out.fScore');
      case 'm':
        return t(lang, 'out.mScore');
      case 'rfm':
        return t(lang, 'out.rfmScore');
      case 'grade':
        return t(lang, 'out.grade');
      case 'segment':
        return t(lang, 'out.segment');
    }
  };
  const cell = (row: number, c: ListColumn): ListCell => {
    switch (c) {
      case 'row':
        return origin.row + sheet.dataRows[row] + 1;
      case 'id':
        return idText(ids![row]);
      case 'rValue':
        return result.values.r[row];
      case 'fValue':
        return result.values.f[row];
      case 'mValue':
        return result.values.m[row];
      case 'r':
      case 'f':
      case 'm':
        return result.scores[c][row];
      case 'rfm':
        return result.composite[row];
      case 'grade':
        return scheme.grades[result.grade[row]].label;
      case 'segment':
        return segmentNames(segments!.map, lang)[segments!.segment[row]];
    }
  };
  return {
    name: listName(list.choice, scheme, lang, list.segments?.map),
    columns,
    headers: columns.map(header),
    rows: list.rows.map((row) => columns.map((c) => cell(row, c))),
  };
}
