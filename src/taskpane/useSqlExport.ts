/**
 * "Copy as SQL" (docs/sql.md): the pane's current scheme, columns and Segment/Follow-up options as
 * one SQL query for a warehouse table (src/core/sql), and copying it — the clipboard when the host
 * allows it, else the query selected in a read-only box for Ctrl+C.
 */
import { useCallback, useMemo, useState } from 'react';
import { columnLetter, RfmError, type CellValue } from '../core';
import { sqlQuery, type SqlDialectId } from '../core/sql';
import type { MessageKey } from '../i18n';
import { buildScheme } from './form';
import { insightOptions } from './insight';
import type { PaneState } from './usePane';
import { PANE_VERSION } from './version';

export type SqlBuild = { query: string } | { problem: MessageKey };

function headerName(v: CellValue): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The query for the pane's state, or why there is none (no columns, ties "first" without an ID). */
export function paneSqlQuery(state: Pick<PaneState, 'lang' | 'table' | 'columns' | 'scheme' | 'insight'>, dialect: SqlDialectId, table: string): SqlBuild {
  const { scheme } = buildScheme(state.scheme);
  // An invalid scheme is already shown in red in the Scheme section.
  if (!scheme) return { problem: 'sql.pane.noColumns' };
  const chosen = state.columns.columns;
  if (chosen.r === undefined || chosen.f === undefined || chosen.m === undefined) return { problem: 'sql.pane.noColumns' };
  // Columns by their header text; without a header row, by their letter (the note asks to rename them).
  const name = (index: number) =>
    (state.columns.header ? headerName(state.table?.firstRow[index]) : undefined) ?? columnLetter((state.table?.column ?? 0) + index);
  try {
    const query = sqlQuery({
      scheme,
      dialect,
      columns: { r: name(chosen.r), f: name(chosen.f), m: name(chosen.m), id: chosen.id === undefined ? undefined : name(chosen.id) },
      table: table.trim() || 'customers',
      ...insightOptions(state.insight, scheme, state.lang),
      lang: state.lang,
      version: PANE_VERSION,
    });
    return { query };
  } catch (err) {
    if (err instanceof RfmError && err.key === 'sql.firstNeedsOrder') return { problem: 'sql.pane.firstNeedsOrder' };
    throw err;
  }
}

export type CopyStatus = 'idle' | 'copied' | 'fallback';

export interface SqlExport {
  dialect: SqlDialectId;
  setDialect(d: SqlDialectId): void;
  table: string;
  setTable(name: string): void;
  build: SqlBuild;
  status: CopyStatus;
  copy(): Promise<void>;
}

export function useSqlExport(state: PaneState): SqlExport {
  const [dialect, setDialectState] = useState<SqlDialectId>('duckdb');
  const [table, setTableState] = useState('customers');
  const [status, setStatus] = useState<CopyStatus>('idle');
  const { lang, table: range, columns, scheme, insight } = state;
  const build = useMemo(
    () => paneSqlQuery({ lang, table: range, columns, scheme, insight }, dialect, table),
    [lang, range, columns, scheme, insight, dialect, table],
  );
  const setDialect = useCallback((d: SqlDialectId) => {
    setDialectState(d);
    setStatus('idle');
  }, []);
  const setTable = useCallback((name: string) => {
    setTableState(name);
    setStatus('idle');
  }, []);
  const copy = useCallback(async () => {
    if (!('query' in build)) return;
    try {
      // Office hosts may refuse the async clipboard (permissions policy); the fallback then shows the text.
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(build.query);
      setStatus('copied');
    } catch {
      setStatus('fallback');
    }
  }, [build]);
  return { dialect, setDialect, table, setTable, build, status, copy };
}
