/**
 * "List customers" (docs/lists.md): the customers of one grade or segment of the latest run on a
 * new sheet — Row, ID, R, F, M values, scores, RFM score, grade, segment, highest M first. The sheet
 * gets a name no sheet has ("B customers", "B customers (2)" …), so nothing is ever overwritten.
 * Values go in chunks within the payload budget; a failed write deletes the new sheet again.
 */
import { customerList, listTable, type ListChoice, type Scheme, type ScoredSheet } from '../core';
import { t, type Lang } from '../i18n';
import { writeRowsInChunks } from './chunkedWrite';
import type { ExcelApi } from './types';
import { areaAddress, textCell } from './util';

export interface ListWriteResult {
  sheet: string;
  /** The list's name in the pane's language. */
  name: string;
  /** Customers written. */
  count: number;
  address: string;
  syncs: number;
}

/** Excel refuses these in sheet names; names are at most 31 characters (room kept for " (2)"). */
const SHEET_UNSAFE = /[\\/?*[\]:]/g;

/** "B customers", "B customers (2)" … : a name no sheet has (compared case-insensitively). */
export function listSheetName(existing: readonly string[], listName: string, lang: Lang): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = t(lang, 'list.sheetName', { name: listName }).replace(SHEET_UNSAFE, '_').slice(0, 26);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

type Cell = string | number;

function cell(v: string | number | null): Cell {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return textCell(v);
}

/**
 * Writes the list `choice` of `scored` to a new sheet (not activated: the pane shows it through its
 * own selection). `origin.row`: the sheet row of the scored table's first cell, for the Row column.
 */
export async function writeListSheet(
  excel: ExcelApi,
  scored: ScoredSheet,
  scheme: Scheme,
  choice: ListChoice,
  lang: Lang,
  origin: { row: number } = { row: 0 },
): Promise<ListWriteResult> {
  const table = listTable(scored, scheme, customerList(scored, choice), lang, origin);
  const width = table.headers.length;
  const total = table.rows.length + 1;
  let syncs = 0;
  let added: string | undefined;
  try {
    return await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      syncs += 1;
      await context.sync();
      const name = listSheetName(
        sheets.items.map((s) => s.name),
        table.name,
        lang,
      );
      const ws = context.workbook.worksheets.add(name);
      syncs += 1;
      await context.sync();
      added = name;

      const row = (k: number): Cell[] => (k === 0 ? table.headers.map(textCell) : table.rows[k - 1].map(cell));
      syncs += await writeRowsInChunks(context, ws, total, width, row);

      ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      const rfm = table.columns.indexOf('rfm');
      if (rfm >= 0 && table.rows.length) {
        // Office applies a single value to every cell of a bounded range
        (ws.getRangeByIndexes(1, rfm, table.rows.length, 1) as unknown as { numberFormat: string }).numberFormat = '0.00';
      }
      ws.freezePanes.freezeRows(1);
      syncs += 1;
      await context.sync();
      added = undefined;
      return { sheet: name, name: table.name, count: table.rows.length, address: areaAddress(0, 0, total, width), syncs };
    });
  } finally {
    if (added !== undefined) {
      const sheet = added;
      await excel
        .run(async (context) => {
          context.workbook.worksheets.getItemOrNullObject(sheet).delete();
          await context.sync();
        })
        .catch(() => undefined);
    }
  }
}
