/**
 * "List customers" (docs/lists.md): writes the customers of one grade or segment of the latest run to
 * a new sheet through src/excel, then shows it (as "Create summary" does). Its own small state,
 * beside usePane's.
 */
import { useCallback, useRef, useState } from 'react';
import { writeListSheet, type ListWriteResult } from '../excel';
import type { ExcelApi } from '../excel/types';
import type { ListChoice } from '../core';
import { errorText, type Localized } from './form';
import type { Pane } from './usePane';
import type { SummarySource } from './useSummary';

/**
 * A run to list from: its scores, and where its table starts on the sheet (a table run). A
 * sales-records run (it has `sales`) lists rows of the per-customer sheet, which starts in row 1.
 */
export type ListSource = SummarySource & { table?: { row: number }; sales?: unknown };

function originOf(run: ListSource): { row: number } {
  return { row: run.sales === undefined ? (run.table?.row ?? 0) : 0 };
}

export interface ListsState {
  busy: boolean;
  /** The latest list written, and the run it came from. */
  done?: { run: ListSource; write: ListWriteResult };
  error?: { run: ListSource; text: Localized };
}

export interface Lists {
  state: ListsState;
  /** Writes the list `choice` of `run` to a new sheet and shows it. */
  create(run: ListSource, choice: ListChoice): void;
}

export function useLists(excel: ExcelApi | undefined, pane: Pane): Lists {
  const [state, setState] = useState<ListsState>({ busy: false });
  const paneRef = useRef(pane);
  paneRef.current = pane;

  const create = useCallback(
    async (run: ListSource, choice: ListChoice) => {
      const { state: s, actions } = paneRef.current;
      if (!excel) return;
      setState({ busy: true });
      try {
        const write = await writeListSheet(excel, run.scored, run.scheme, choice, s.lang, originOf(run));
        setState({ busy: false, done: { run, write } });
        actions.selectInvalid(write.sheet, 'A1');
      } catch (e) {
        setState({ busy: false, error: { run, text: errorText(e) } });
      }
    },
    [excel],
  );

  return { state, create: (run, choice) => void create(run, choice) };
}
