/**
 * Two monthly periods of a Maoming-shaped customer table (seed 003: 客户编号, 地区, 统计期间,
 * 距离上一次购买的天数R(天), 最近一段时间购买频次F(次), 最近一段时间购买金额M(元)), scored with the
 * Maoming scheme (additive, R and M quintiles, F raw) and grades that fit its scale (A:12,B:9,C:6,D).
 * Every move is worked out by hand below.
 */
import ExcelJS from 'exceljs';
import { writeXlsx } from '../cli/helpers';

export const SHEET = '客户';
export const HEADERS = ['客户编号', '地区', '统计期间', '距离上一次购买的天数R(天)', '最近一段时间购买频次F(次)', '最近一段时间购买金额M(元)'];
/** The Maoming scheme, with grades that fit additive R+F+M. */
export const SCHEME_ARGS = ['--preset', 'maoming', '--grades', 'A:12,B:9,C:6,D'];

export type Row = [string, number, number, number];

/**
 * October: n = 10, k = 5, so ranks 1–2 → 5, 3–4 → 4, 5–6 → 3, 7–8 → 2, 9–10 → 1. R ascending and
 * M descending are both in row order, so R score = M score = 5,5,4,4,3,3,2,2,1,1; F score = F.
 *   K01 5+6+5 = 16 A   K02 5+5+5 = 15 A   K03 4+4+4 = 12 A   K04 4+4+4 = 12 A   K05 3+3+3 = 9 B
 *   K06 3+3+3 = 9 B    K07 2+2+2 = 6 C    K08 2+2+2 = 6 C    K09 1+1+1 = 3 D    K10 1+1+1 = 3 D
 * Its scale (the values per score): R 5: 2–5, 4: 9–14, 3: 20–27, 2: 35–44, 1: 54–65;
 * M 5: 8000–9000, 4: 6000–7000, 3: 4000–5000, 2: 2000–3000, 1: 500–1000.
 */
export const OCTOBER: Row[] = [
  ['K01', 2, 6, 9000],
  ['K02', 5, 5, 8000],
  ['K03', 9, 4, 7000],
  ['K04', 14, 4, 6000],
  ['K05', 20, 3, 5000],
  ['K06', 27, 3, 4000],
  ['K07', 35, 2, 3000],
  ['K08', 44, 2, 2000],
  ['K09', 54, 1, 1000],
  ['K10', 65, 1, 500],
];

/**
 * November on October's frozen scale (a value gets the best score whose range it reaches; between two
 * ranges the worse score; beyond the old extremes the end score, counted):
 *   K12 R 100 → 1 (worse than 65), F 0, M 100 → 1 (worse than 500)  = 2  D   new
 *   K01 unchanged                                                     = 16 A   A→A
 *   K02 R 40 → 2, F 2, M 2500 → 2                                     = 6  C   A→C (fell 2)
 *   K03 R 9 → 4, F 2, M 4500 → 3                                      = 9  B   A→B
 *   K04 unchanged                                                     = 12 A   A→A
 *   K05 R 3 → 5, F 4, M 8500 → 5                                      = 14 A   B→A (rose)
 *   K06 unchanged                                                     = 9  B   B→B
 *   K08 R 50 → 1 (between 44 and 54), F 2, M 3500 → 2 (between 3000 and 4000) = 5 D   C→D
 *   K09 R 30 → 2, F 2, M 2200 → 2                                     = 6  C   D→C (rose)
 *   K10 unchanged                                                     = 3  D   D→D
 *   K11 R 1 → 5 (better than 2), F 7, M 12000 → 5 (better than 9000)  = 17 A   new
 *   K07 is gone (was C).
 * Beyond October's range: R 1 better (K11), 1 worse (K12); M 1 better (K11), 1 worse (K12).
 * Early warning: K02 (A→C, previous M 8000), K03 (A→B, 7000) with priority 1, then K08 (C→D) with 2.
 */
export const NOVEMBER: Row[] = [
  ['K12', 100, 0, 100],
  ['K01', 2, 6, 9000],
  ['K02', 40, 2, 2500],
  ['K03', 9, 2, 4500],
  ['K04', 14, 4, 6000],
  ['K05', 3, 4, 8500],
  ['K06', 27, 3, 4000],
  ['K08', 50, 2, 3500],
  ['K09', 30, 2, 2200],
  ['K10', 65, 1, 500],
  ['K11', 1, 7, 12000],
];

/** Expected November output on October's scale: [R, F, M score, RFM, grade, change]. */
export const NOVEMBER_FROZEN: Record<string, [number, number, number, number, string, string]> = {
  K12: [1, 0, 1, 2, 'D', '新增客户'],
  K01: [5, 6, 5, 16, 'A', 'A→A'],
  K02: [2, 2, 2, 6, 'C', 'A→C'],
  K03: [4, 2, 3, 9, 'B', 'A→B'],
  K04: [4, 4, 4, 12, 'A', 'A→A'],
  K05: [5, 4, 5, 14, 'A', 'B→A'],
  K06: [3, 3, 3, 9, 'B', 'B→B'],
  K08: [1, 2, 2, 5, 'D', 'C→D'],
  K09: [2, 2, 2, 6, 'C', 'D→C'],
  K10: [1, 1, 1, 3, 'D', 'D→D'],
  K11: [5, 7, 5, 17, 'A', '新增客户'],
};

export interface TableOptions {
  period?: string;
  headers?: string[];
  /** Extra rows appended as they are. */
  extra?: (string | number | null)[][];
}

export function tableRows(rows: Row[], o: TableOptions = {}): (string | number | null)[][] {
  return [
    o.headers ?? HEADERS,
    ...rows.map(([id, r, f, m], i) => [id, i % 2 ? '茂南区' : '电白区', o.period ?? '2025-10', r, f, m]),
    ...(o.extra ?? []),
  ];
}

export async function writeTable(file: string, rows: Row[], o: TableOptions = {}, build?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  await writeXlsx(file, (wb) => {
    const ws = wb.addWorksheet(SHEET);
    tableRows(rows, o).forEach((r) => ws.addRow(r));
    build?.(wb);
  });
}
