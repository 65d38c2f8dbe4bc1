/**
 * "Create summary" (docs/insight.md): writes the summary sheet of the latest run through src/excel and
 * then shows it (activating it the way the pane selects a cell, so following the selection does not
 * take the new sheet for the customer table). Its own small state, beside usePane's.
 */
import { useCallback, useRef, useState } from 'react';
import { createSummarySheet, type SummaryWriteResult } from '../excel';
import type { ExcelApi } from '../excel/types';
import { errorText, type Localized } from './form';
import type { Pane, RunResult } from './usePane';

export interface SummaryState {
  busy: boolean;
  /** The latest summary written, and the run it summarises. */
  done?: { run: RunResult; write: SummaryWriteResult };
  error?: { run: RunResult | undefined; text: Localized };
}

export interface Summary {
  state: SummaryState;
  create(): void;
}

export function useSummary(excel: ExcelApi | undefined, pane: Pane): Summary {
  const [state, setState] = useState<SummaryState>({ busy: false });
  const paneRef = useRef(pane);
  paneRef.current = pane;

  const create = useCallback(async () => {
    const { state: s, actions } = paneRef.current;
    const run = s.result;
    if (!excel || !run) return;
    setState({ busy: true });
    try {
      const write = await createSummarySheet(excel, run.scored, run.scheme, s.lang, run.insight?.followUp);
      setState({ busy: false, done: { run, write } });
      actions.selectInvalid(write.sheet, 'A1');
    } catch (e) {
      setState({ busy: false, error: { run, text: errorText(e) } });
    }
  }, [excel]);

  return { state, create: () => void create() };
}
