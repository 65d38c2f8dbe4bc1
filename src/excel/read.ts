/**
 * Reads a table from the workbook in row chunks and scores it with the engine's TableCollector.
 * One sync per chunk; each response is planned to stay within PAYLOAD_BUDGET (the first chunk
 * measures the bytes per row); the pane gets a macrotask between chunks, so a 1,048,576-row table
 * never blocks it.
 */
import {
  RfmError,
  TableCollector,
  type CellValue,
  type InsightOptions,
  type LayoutOptions,
  type Scheme,
  type ScoreOptions,
  type ScoredSheet,
} from '../core';
import type { Lang } from '../i18n';
import type { ExcelApi, Progress, TableRef } from './types';
import { ChunkSizer, areaAddress, syncChunk, jsonBytes, officeCode, yieldToUi } from './util';

/** Runs `batch`, turning "the sheet is gone" into a message the pane can show. */
export async function onSheet<T>(excel: ExcelApi, sheet: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await excel.run(batch);
  } catch (e) {
    if (officeCode(e) === 'ItemNotFound') {
      const gone = await sheetMissing(excel, sheet);
      if (gone) throw new RfmError('excel.sheetMissing', { sheet });
    }
    throw e;
  }
}

async function sheetMissing(excel: ExcelApi, sheet: string): Promise<boolean> {
  try {
    return await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      return ws.isNullObject;
    });
  } catch {
    return false;
  }
}

/**
 * Reads rows `first … first+count-1` of the table (table-relative) chunk by chunk and hands each chunk
 * to `each` (row index within the table, values). Used by the scorer and the new-sheet writer.
 */
export async function readRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  area: { row: number; column: number; columnCount: number },
  first: number,
  count: number,
  each: (start: number, values: unknown[][]) => void,
  onChunk?: (done: number) => Promise<void> | void,
): Promise<void> {
  const sizer = new ChunkSizer(area.columnCount);
  let done = 0;
  while (done < count) {
    const rows = sizer.next(count - done);
    const range = ws.getRangeByIndexes(area.row + first + done, area.column, rows, area.columnCount);
    range.load('values');
    // one sync per chunk, on purpose; a payload Excel refuses as too large is retried in smaller chunks
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
    if (!(await syncChunk(context.sync(), sizer, rows))) continue;
    const values = range.values as unknown[][] | null;
    if (!values) {
      throw new RfmError('excel.readFailed', {
        address: areaAddress(area.row + first + done, area.column, rows, area.columnCount),
      });
    }
    sizer.observe(rows, jsonBytes(values));
    each(first + done, values);
    done += rows;
    if (onChunk) await onChunk(done);
  }
}

export async function scoreTableInExcel(
  excel: ExcelApi,
  table: TableRef,
  layout: LayoutOptions,
  scheme: Scheme,
  lang: Lang,
  progress?: Progress,
  /** Segment and Follow-up columns (docs/insight.md): they join the output table, so every writer gets them. */
  insight?: InsightOptions,
  /**
   * Period over period (docs/periods.md): `scale` scores on an earlier run's frozen scale; `ids` keeps each row's customer ID cell
   * (`ScoredSheet.idCells`) for the comparison with the previous period.
   */
  scoring: ScoreOptions & { ids?: boolean } = {},
): Promise<ScoredSheet> {
  const collector = new TableCollector(layout, { ids: scoring.ids });
  const total = table.rowCount;
  progress?.('read', 0, total);
  await onSheet(excel, table.sheet, async (context) => {
    const ws = context.workbook.worksheets.getItem(table.sheet);
    await readRows(
      context,
      ws,
      table,
      0,
      total,
      (start, values) => {
        for (let i = 0; i < values.length; i++) collector.add(start + i, values[i] as CellValue[]);
      },
      async (done) => {
        progress?.('read', done, total);
        if (done < total) await yieldToUi();
      },
    );
  });
  return collector.finish(scheme, lang, insight, { scale: scoring.scale });
}
