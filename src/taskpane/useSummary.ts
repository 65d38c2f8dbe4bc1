/**
 * "Create summary" (docs/insight.md): writes the summary sheet of the latest run through src/excel and
 * then shows it (activating it the way the pane selects a cell, so following the selection does not
 * take the new sheet for the customer table). Its own small state, beside usePane's.
 */
import { useCallback, useRef, useState } from 'react';
import { createSummarySheet, type SummaryWriteResult } from '../excel';
import type { ExcelApi } from '../excel/types';
import type { InsightOptions, Scheme, ScoredSheet } from '../core';
import { errorText, type Localized } from './form';
import type { Pane } from './usePane';

/** What a summary is made of: a run's scores, in either mode (a table run, a sales-records run). */
export interface SummarySource {
  scored: ScoredSheet;
  scheme: Scheme;
  insight?: InsightOptions;
}

export interface SummaryState {
  busy: boolean;
  /** The latest summary written, and the run it summarises. */
  done?: { run: SummarySource; write: SummaryWriteResult };
  error?: { run: SummarySource | undefined; text: Localized };
}

export interface Summary {
  state: SummaryState;
  /** Writes the summary sheet of `run` and shows it. */
  create(run: SummarySource): void;
}

export function useSummary(excel: ExcelApi | undefined, pane: Pane): Summary {
  const [state, setState] = useState<SummaryState>({ busy: false });
  const paneRef = useRef(pane);
  paneRef.current = pane;

  const create = useCallback(async (run: SummarySource) => {
    const { state: s, actions } = paneRef.current;
    if (!excel) return;
    setState({ busy: true });
    try {
      const write = await createSummarySheet(excel, run.scored, run.scheme, s.lang, run.insight?.followUp);
      setState({ busy: false, done: { run, write } });
      actions.selectInvalid(write.sheet, 'A1');
    } catch (e) {
      setState({ busy: false, error: { run, text: errorText(e) } });
    }
  }, [excel]);

  return { state, create: (run) => void create(run) };
}
