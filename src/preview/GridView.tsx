/**
 * A plain grid of the in-memory workbook's active sheet: column letters, row numbers, the first
 * rows, sheet tabs. Click, shift-click or drag selects cells; a column letter (or row number)
 * selects the whole column (row). Every selection goes through `workbook.select`, so the pane's
 * selection handler fires exactly as it does in Excel. Re-renders on every workbook change.
 */
import { useEffect, useState } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { columnLetters, formatRect, parseAddress, type MemoryWorkbook } from '../excel/memory';
import type { Rect } from '../excel/memory/addresses';
import { formatValue } from '../excel/memory/numberFormat';
import { t, type Lang } from '../i18n';
import { ChartList } from './ChartList';
import { conditionalFill } from './conditional';
import { useGridStyles } from './styles';

export const ROWS_SHOWN = 200;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;

type Cell = { row: number; column: number };
type Drag = { anchor: Cell; current: Cell };

/** Re-render after workbook changes (at most once a frame: a write makes many). */
function useWorkbookVersion(workbook: MemoryWorkbook): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const off = workbook.onChange(() => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion((v) => v + 1);
        });
      }
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [workbook]);
  return version;
}

const span = (a: Cell, b: Cell): Rect => ({
  r0: Math.min(a.row, b.row),
  c0: Math.min(a.column, b.column),
  r1: Math.max(a.row, b.row),
  c1: Math.max(a.column, b.column),
});
const inside = (r: Rect, row: number, column: number) => row >= r.r0 && row <= r.r1 && column >= r.c0 && column <= r.c1;

export function GridView({ workbook, lang }: { workbook: MemoryWorkbook; lang: Lang }) {
  const styles = useGridStyles();
  useWorkbookVersion(workbook);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [anchor, setAnchor] = useState<Cell>({ row: 0, column: 0 });

  const sheetName = workbook.activeSheet();
  const sheet = workbook.sheet(sheetName);
  const used = sheet.usedRange();
  const usedRect = used ? parseAddress(used).rect : null;
  const totalRows = usedRect ? usedRect.r1 + 1 : 0;
  const rows = Math.min(ROWS_SHOWN, Math.max(MIN_ROWS, totalRows + 5));
  const columns = Math.max(MIN_COLUMNS, (usedRect ? usedRect.c1 + 1 : 0) + 3);
  const values = sheet.getValues(`A1:${columnLetters(columns - 1)}${rows}`);
  const fills = conditionalFill(sheet.conditionalFormats(), values);

  const selection = workbook.selection();
  const selected: Rect[] = drag
    ? [span(drag.anchor, drag.current)]
    : selection.sheet === sheetName
      ? selection.areas.map((a) => parseAddress(a).rect)
      : [];
  const isSelected = (row: number, column: number) => selected.some((r) => inside(r, row, column));

  const select = (area: Rect) => void workbook.select(sheetName, formatRect(area));
  const lastRow = 1_048_575;
  const lastColumn = 16_383;

  const onCellDown = (e: React.MouseEvent, cell: Cell) => {
    e.preventDefault();
    if (e.shiftKey) {
      select(span(anchor, cell));
      return;
    }
    setAnchor(cell);
    setDrag({ anchor: cell, current: cell });
  };
  const onCellEnter = (cell: Cell) => {
    if (drag) setDrag({ ...drag, current: cell });
  };
  const finishDrag = () => {
    if (!drag) return;
    select(span(drag.anchor, drag.current));
    setDrag(null);
  };
  const onColumn = (e: React.MouseEvent, column: number) => {
    const from = e.shiftKey ? anchor.column : column;
    if (!e.shiftKey) setAnchor({ row: 0, column });
    select({ r0: 0, c0: Math.min(from, column), r1: lastRow, c1: Math.max(from, column) });
  };
  const onRow = (e: React.MouseEvent, row: number) => {
    const from = e.shiftKey ? anchor.row : row;
    if (!e.shiftKey) setAnchor({ row, column: 0 });
    select({ r0: Math.min(from, row), c0: 0, r1: Math.max(from, row), c1: lastColumn });
  };

  return (
    <div className={styles.grid}>
      <div role="tablist" aria-label={t(lang, 'preview.sheets')} className={styles.tabs}>
        {workbook.sheetNames().map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheetName}
            className={mergeClasses(styles.tab, name === sheetName && styles.tabActive)}
            onClick={() => void workbook.activate(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div className={styles.status} aria-live="polite" data-testid="grid-selection">
        {selection.sheet === sheetName ? t(lang, 'preview.selection', { address: selection.areas.join(', ') }) : ''}
        {totalRows > ROWS_SHOWN && ` · ${t(lang, 'preview.rowsShown', { shown: ROWS_SHOWN, rows: totalRows })}`}
      </div>
      <ChartList charts={sheet.charts()} lang={lang} />
      <div className={styles.scroller} onMouseUp={finishDrag} onMouseLeave={finishDrag}>
        <table className={styles.table} aria-label={t(lang, 'preview.grid', { sheet: sheetName })} data-sheet={sheetName}>
          <thead>
            <tr>
              <th className={styles.corner} />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} scope="col" className={styles.colHead}>
                  <button
                    type="button"
                    className={styles.headButton}
                    data-column={columnLetters(c)}
                    aria-label={t(lang, 'preview.selectColumn', { letter: columnLetters(c) })}
                    onClick={(e) => onColumn(e, c)}
                  >
                    {columnLetters(c)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {values.map((line, r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHead}>
                  <button
                    type="button"
                    className={styles.headButton}
                    data-row={r + 1}
                    tabIndex={-1}
                    aria-label={t(lang, 'preview.selectRow', { row: r + 1 })}
                    onClick={(e) => onRow(e, r)}
                  >
                    {r + 1}
                  </button>
                </th>
                {line.map((v, c) => {
                  const format = sheet.formatOf(`${columnLetters(c)}${r + 1}`);
                  const fill = format.fill ?? fills.get(`${r},${c}`);
                  return (
                    <td
                      key={c}
                      data-cell={`${columnLetters(c)}${r + 1}`}
                      className={mergeClasses(
                        styles.cell,
                        typeof v === 'number' && styles.number,
                        format.bold && styles.bold,
                        isSelected(r, c) && styles.selected,
                      )}
                      style={fill ? { backgroundColor: fill } : undefined}
                      onMouseDown={(e) => onCellDown(e, { row: r, column: c })}
                      onMouseEnter={() => onCellEnter({ row: r, column: c })}
                    >
                      {formatValue(v, format.numberFormat)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
