/**
 * Whole new sheets written from the pane in payload-sized chunks (docs/pane.md): the per-customer
 * table of sales records and the customer lists (docs/lists.md) share this writer.
 */
import { suspendScreenUpdating } from './capabilities';
import { ChunkSizer, PAYLOAD_BUDGET, jsonBytes, syncChunk, yieldToUi } from './util';

/**
 * Write `total` rows (`row(k)` gives row k) to `ws` from A1 in chunks whose JSON stays within the
 * payload budget, one sync per chunk, yielding to the pane between chunks; a chunk Excel refuses as
 * too large is retried smaller. `onChunk` hears the rows written so far. Returns the syncs made.
 * Used by the sheets the pane creates whole: the per-customer table of sales records and the
 * customer lists (docs/lists.md).
 */
export async function writeRowsInChunks(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  total: number,
  width: number,
  row: (k: number) => (string | number)[],
  onChunk?: (done: number) => void,
): Promise<number> {
  const sizer = new ChunkSizer(width);
  const app = context.workbook.application;
  let syncs = 0;
  let done = 0;
  while (done < total) {
    let count = sizer.next(total - done);
    let block: (string | number)[][] = new Array<(string | number)[]>(count);
    for (let i = 0; i < count; i++) block[i] = row(done + i);
    let bytes = jsonBytes(block);
    if (bytes > PAYLOAD_BUDGET && count > 1) {
      count = Math.max(1, Math.floor((count * PAYLOAD_BUDGET * 0.9) / bytes));
      block = block.slice(0, count);
      bytes = jsonBytes(block);
    }
    sizer.observe(count, bytes);
    suspendScreenUpdating(app);
    ws.getRangeByIndexes(done, 0, count, width).values = block;
    syncs += 1;
    // one write per chunk, on purpose; a payload Excel refuses as too large is retried in smaller chunks
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
    if (!(await syncChunk(context.sync(), sizer, count))) continue;
    done += count;
    onChunk?.(done);
    if (done < total) await yieldToUi();
  }
  return syncs;
}
