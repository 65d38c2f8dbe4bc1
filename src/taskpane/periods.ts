/**
 * Period over period in the pane (docs/periods.md): the form (use the scale of an earlier run; compare with
 * the previous period) and the steps of a preview or run around the scoring — read the earlier runs
 * chosen, score (on the frozen scale), check the columns, compare with the previous period — and
 * what the write records (`RunSheets`). Pure of React; every Excel call goes through src/excel.
 */
import { RfmError, type InsightOptions, type LayoutOptions, type Migration, type MigrationSheet, type Scheme, type ScoredSheet } from '../core';
import {
  ADDIN_TOOL,
  comparePeriodsInExcel,
  readPeriods,
  scoreTableInExcel,
  type EarlierRun,
  type ExcelApi,
  type Progress,
  type RunSheets,
  type TableRef,
} from '../excel';
import type { Lang } from '../i18n';

export interface PeriodsForm {
  /** Score on the scale recorded on the parameters sheet `scaleFrom`. */
  scale: boolean;
  scaleFrom: string;
  /** Compare with the scored sheet of the run recorded on the parameters sheet `previousFrom`. */
  previous: boolean;
  previousFrom: string;
}

export const DEFAULT_PERIODS: PeriodsForm = { scale: false, scaleFrom: '', previous: false, previousFrom: '' };

export function periodsActive(form: PeriodsForm): boolean {
  return form.scale || form.previous;
}

/** What the periods part of a preview or run found (shown by PeriodsResult). */
export interface PeriodsOutcome {
  scaleRun?: EarlierRun;
  previousRun?: EarlierRun;
  migration?: Migration;
  /** The migration sheet's content (written by Run). */
  sheet?: MigrationSheet;
}

export interface ScoredWithPeriods {
  scored: ScoredSheet;
  /** The scheme used: the form's, or the earlier run's on a frozen scale. */
  scheme: Scheme;
  insight?: InsightOptions;
  /** Present when a period option was on. */
  periods?: PeriodsOutcome;
}

export interface ScoreInput {
  table: TableRef;
  layout: LayoutOptions;
  /** The scheme of the form (not used on a frozen scale). */
  scheme: Scheme;
  lang: Lang;
  /** The Segment / Follow-up options for a scheme (the frozen scale brings its own grades). */
  insight: (scheme: Scheme) => InsightOptions | undefined;
  form: PeriodsForm;
  progress?: Progress;
}

/**
 * Reads the earlier runs chosen, scores the table (on the earlier scale when asked), checks that both
 * runs use the same columns and compares with the previous period. Throws RfmError before anything is
 * written: nothing chosen, no ID column, unreadable parameters sheet, duplicated IDs ….
 */
export async function scoreWithPeriods(excel: ExcelApi, x: ScoreInput): Promise<ScoredWithPeriods> {
  const { form, lang } = x;
  if (form.scale && !form.scaleFrom) throw new RfmError('panePeriod.chooseScale');
  if (form.previous && !form.previousFrom) throw new RfmError('panePeriod.choosePrevious');
  const periods = await readPeriods(excel, { scaleFrom: form.scale ? form.scaleFrom : undefined, previous: form.previous ? form.previousFrom : undefined }, lang);
  const scheme = periods.scaleRun?.record.scheme ?? x.scheme;
  const insight = x.insight(scheme);
  const scored = await scoreTableInExcel(excel, x.table, x.layout, scheme, lang, x.progress, insight, {
    scale: periods.scaleRun?.record.scale,
    // the ID cells serve the comparison with the previous period and the customer lists (docs/lists.md)
    ids: true,
  });
  if (!periodsActive(form)) return { scored, scheme, insight };
  const compared = await comparePeriodsInExcel(excel, periods, x.table, scored, scheme, lang, insight);
  return {
    scored: compared.scored,
    scheme,
    insight,
    periods: { ...periods, migration: compared.migration?.result, sheet: compared.migration?.sheet },
  };
}

/** What the write records on the parameters sheet, and the migration sheet to add. */
export function runSheetsOf(s: ScoredWithPeriods, version: string, tool = ADDIN_TOOL): RunSheets {
  const p = s.periods;
  const run: RunSheets = { scheme: s.scheme, version, tool, segments: s.insight?.segments, followUp: s.insight?.followUp };
  if (p?.scaleRun) run.frozen = { scale: p.scaleRun.record.scale, from: p.scaleRun.ref };
  if (p?.previousRun) run.previous = p.previousRun.ref;
  if (p?.sheet) run.migration = p.sheet;
  const keep = [p?.scaleRun?.paramsSheet, p?.previousRun?.paramsSheet].filter((n): n is string => n !== undefined);
  if (keep.length) run.keep = keep;
  return run;
}
