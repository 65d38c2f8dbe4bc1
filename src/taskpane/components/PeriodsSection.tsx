/**
 * Period over period (docs/periods.md): "use the scale of an earlier run" and "compare with the previous
 * period", both chosen among the earlier runs recorded in this workbook (the product's parameters
 * sheets); and what a preview or run found — the scale used and the values beyond it, the migration
 * counts and matrix, the early warning, the sheets written.
 */
import { listSep, wordSep } from '../../i18n/format';
import {
  Body1,
  Body1Strong,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { METRICS, changeText, displayTime, hasQuintile, metricName, outputHeader, type Migration } from '../../core';
import type { EarlierRunInfo } from '../../excel';
import { t, type Lang } from '../../i18n';
import type { PeriodsForm } from '../periods';
import { schemeShown } from '../state/pane';
import type { EarlierRuns } from '../useEarlierRuns';
import { useShared } from '../styles';
import type { Pane, RunResult, Scored } from '../usePane';
import { Section } from './Section';
import { periodsSummary } from '../state/summaries';

/** Early-warning customers listed in the pane (the sheet has all of them). */
const WARNINGS_SHOWN = 5;

const useStyles = makeStyles({
  options: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: '44px',
    minWidth: 0,
  },
  /** Long option texts (sheet names, times) must not widen the pane. */
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { fontSize: tokens.fontSizeBase200 },
});

function newest(runs: readonly EarlierRunInfo[], ok: (r: EarlierRunInfo) => boolean): EarlierRunInfo | undefined {
  return runs.filter(ok).sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''))[0];
}

/** The period options; `earlier` is the workbook's earlier runs (useEarlierRuns, handed down by the pane). */
export function PeriodsSection({ pane, earlier }: { pane: Pane; earlier: EarlierRuns }) {
  const shared = useShared();
  const styles = useStyles();
  const { state, actions } = pane;
  const { lang, periods: form } = state;
  const busy = state.busy !== undefined;
  const { runs, refresh } = earlier;
  const list = runs ?? [];
  const current = state.table?.sheet;
  const usable = (r: EarlierRunInfo) => !r.problem;
  const comparable = (r: EarlierRunInfo) => !r.problem && r.scoredExists && r.scoredSheet !== current;
  const set = (patch: Partial<PeriodsForm>) => actions.setPeriods(patch);
  const active = form.scale || form.previous;
  const chosenScale = list.find((r) => r.paramsSheet === form.scaleFrom);
  // minutes are enough to tell runs apart in a list (the parameters sheet has the full time)
  const when = (r: EarlierRunInfo) => displayTime(r.time).slice(0, 16);
  // the top two grades of the scheme as typed (the defaults while it does not parse)
  const grades = schemeShown(state).grades
    .slice(0, 2)
    .map((g) => g.label)
    .join('/');

  return (
    <Section title={t(lang, 'panePeriod.heading')} summary={periodsSummary(lang, form)} testId="periods">
      <Caption1 className={shared.muted}>{t(lang, 'panePeriod.intro', { sheet: t(lang, 'formula.sheetName') })}</Caption1>
      <Switch
        checked={form.scale}
        disabled={busy}
        label={t(lang, 'panePeriod.scale')}
        data-testid="periods-scale"
        onChange={(_, data) => set({ scale: data.checked, scaleFrom: form.scaleFrom || (newest(list, usable)?.paramsSheet ?? '') })}
      />
      {form.scale && (
        <div className={styles.options}>
          <Field label={t(lang, 'panePeriod.scaleFrom')} className={styles.select}>
            <Select className={styles.select} value={form.scaleFrom} disabled={busy} onChange={(_, data) => set({ scaleFrom: data.value })} data-testid="periods-scale-from">
              <option value="">{t(lang, 'panePeriod.choose')}</option>
              {list.map((r) => (
                <option key={r.paramsSheet} value={r.paramsSheet} disabled={!usable(r)}>
                  {r.problem
                    ? t(lang, 'panePeriod.optionBad', { params: r.paramsSheet, cell: r.problem.cell })
                    : t(lang, 'panePeriod.optionScale', { params: r.paramsSheet, sheet: r.scoredSheet, time: when(r) })}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1 className={shared.muted}>{t(lang, 'panePeriod.scaleHint')}</Caption1>
          {chosenScale && <Caption1>{t(lang, 'panePeriod.schemeNote', { params: chosenScale.paramsSheet })}</Caption1>}
        </div>
      )}
      <Switch
        checked={form.previous}
        disabled={busy}
        label={t(lang, 'panePeriod.previous')}
        data-testid="periods-previous"
        onChange={(_, data) => set({ previous: data.checked, previousFrom: form.previousFrom || (newest(list, comparable)?.paramsSheet ?? '') })}
      />
      {form.previous && (
        <div className={styles.options}>
          <Field label={t(lang, 'panePeriod.previousFrom')} className={styles.select}>
            <Select className={styles.select} value={form.previousFrom} disabled={busy} onChange={(_, data) => set({ previousFrom: data.value })} data-testid="periods-previous-from">
              <option value="">{t(lang, 'panePeriod.choose')}</option>
              {list
                .filter((r) => !r.problem && r.scoredExists)
                .map((r) => (
                  <option key={r.paramsSheet} value={r.paramsSheet} disabled={!comparable(r)}>
                    {r.scoredSheet === current
                      ? t(lang, 'panePeriod.optionThis', { sheet: r.scoredSheet })
                      : t(lang, 'panePeriod.optionPrevious', { sheet: r.scoredSheet, params: r.paramsSheet, time: when(r) })}
                  </option>
                ))}
            </Select>
          </Field>
          <Caption1 className={shared.muted}>
            {t(lang, 'panePeriod.previousHint', { change: outputHeader('change', lang), sheet: t(lang, 'period.sheetName'), grades })}
          </Caption1>
        </div>
      )}
      {active && runs !== undefined && list.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, 'panePeriod.none')}</MessageBarBody>
        </MessageBar>
      )}
      {active && state.output === 'formulas' && (
        <MessageBar intent="warning" data-testid="periods-formulas">
          <MessageBarBody>{t(lang, 'panePeriod.formulasNote')}</MessageBarBody>
        </MessageBar>
      )}
      {active && (
        <>
          <Caption1 className={shared.muted}>{t(lang, 'panePeriod.workbookHint')}</Caption1>
          <div>
            <Link as="button" onClick={refresh} disabled={busy}>
              {t(lang, 'panePeriod.refresh')}
            </Link>
          </div>
        </>
      )}
    </Section>
  );
}

/** The grade migration as a small from × to table (counts), like the sheet's first matrix. */
function MatrixTable({ lang, mig }: { lang: Lang; mig: Migration }) {
  const shared = useShared();
  const G = mig.grades.length;
  const from = [...Array(G).keys(), G];
  const to = [...Array(G).keys(), G];
  const fromLabel = (i: number) => (i < G ? mig.grades[i] : t(lang, 'period.new'));
  const toLabel = (i: number) => (i < G ? mig.grades[i] : t(lang, 'period.gone'));
  return (
    <table className={shared.table} data-testid="periods-matrix">
      <caption>{t(lang, 'period.matrixCounts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'period.corner')}</th>
          {to.map((j) => (
            <th key={j} scope="col">
              {toLabel(j)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {from.map((i) => (
          <tr key={i}>
            <th scope="row">{fromLabel(i)}</th>
            {to.map((j) => (
              <td key={j}>{i === G && j === G ? '' : mig.counts[i][j]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What the period options did, under a preview or a run: the scale used and how many values were
 * beyond it; the comparison's counts, matrix and early warning; after a run the sheets written.
 */
export function PeriodsResult({ lang, scored, onShow }: { lang: Lang; scored: Scored | RunResult; onShow: (sheet: string) => void }) {
  const shared = useShared();
  const styles = useStyles();
  const p = scored.periods;
  const write = 'write' in scored ? scored.write : undefined;
  const formulas = 'write' in scored && scored.output === 'formulas';
  const sep = listSep(lang);
  const lines: string[] = [];
  const scale = p?.scaleRun;
  if (scale) {
    lines.push(t(lang, 'panePeriod.scaleUsed', { from: t(lang, 'period.refAt', { where: scale.where, time: displayTime(scale.record.time, lang) }) }));
    const outside = scored.scored.result.frozen?.outside;
    const parts = METRICS.flatMap((m) => {
      const s = scale.record.scale[m];
      const o = outside?.[m];
      if (s.kind !== 'quintile' || !o || (!o.better && !o.worse)) return [];
      return [t(lang, 'period.report.outside', { metric: metricName(m), better: o.better, best: s.bands[0].score, worse: o.worse, worst: s.bands[s.bands.length - 1].score })];
    });
    lines.push(...(parts.length ? parts : [t(lang, 'panePeriod.inside')]));
  }
  const mig = p?.migration;
  const top = mig?.earlyWarning.filter((w) => w.priority === 1) ?? [];
  const topGrades = mig ? mig.grades.slice(0, mig.topGrades).join('/') : '';
  const missing = mig ? [...mig.missingIds.previous.map((c) => t(lang, 'period.prevCellShort', { cell: c })), ...mig.missingIds.current] : [];
  if (!p && !write?.paramSheet) return null;
  return (
    <div className={shared.stack} data-testid="periods-result">
      {lines.map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
      {mig && p?.previousRun && (
        <>
          <Body1Strong data-testid="periods-compared">
            {t(lang, 'period.report.compared', {
              where: p.previousRun.where,
              both: mig.moves.filter((m) => m.kind !== 'new' && m.kind !== 'gone').length,
              new: mig.appeared.length,
              gone: mig.disappeared.length,
            })}
          </Body1Strong>
          <Body1>{t(lang, 'period.report.moves', { same: mig.same, rose: mig.rose.length, fell: mig.fell.length })}</Body1>
          <MatrixTable lang={lang} mig={mig} />
          <div data-testid="periods-warning">
            {top.length ? (
              <>
                <Text weight="semibold">{t(lang, 'panePeriod.warningHeading', { count: top.length, grades: topGrades })}</Text>
                <ul className={styles.list}>
                  {top.slice(0, WARNINGS_SHOWN).map((w) => (
                    <li key={w.id} className={styles.item}>
                      {t(lang, 'period.report.warningItem', {
                        id: String((w.current ?? w.previous)!.display),
                        change: changeText(w, mig.grades, lang) ?? '',
                        m: String(w.previous?.values.m ?? ''),
                      }).trim()}
                    </li>
                  ))}
                </ul>
                {top.length > WARNINGS_SHOWN && <Caption1 className={shared.muted}>{t(lang, 'cli.report.more', { count: top.length - WARNINGS_SHOWN })}</Caption1>}
              </>
            ) : (
              <Text>{t(lang, 'panePeriod.warningNone', { grades: topGrades })}</Text>
            )}
          </div>
          {missing.length > 0 && <Caption1>{t(lang, 'period.report.missingIds', { count: missing.length, cells: missing.slice(0, 5).join(sep) })}</Caption1>}
          {!scale && hasQuintile(scored.scheme) && (
            <MessageBar intent="warning">
              <MessageBarBody>{t(lang, 'panePeriod.ownScale')}</MessageBarBody>
            </MessageBar>
          )}
          {!write && p.sheet && (
            <Caption1 className={shared.muted}>{t(lang, 'panePeriod.previewNote', { change: outputHeader('change', lang), sheet: t(lang, 'period.sheetName') })}</Caption1>
          )}
        </>
      )}
      {write?.migrationSheet && (
        <div data-testid="periods-migration-done">
          <Body1>{t(lang, 'panePeriod.migrationDone', { change: outputHeader('change', lang), sheet: write.migrationSheet })} </Body1>
          <Link as="button" onClick={() => onShow(write.migrationSheet!)}>
            {t(lang, 'panePeriod.show', { sheet: write.migrationSheet })}
          </Link>
        </div>
      )}
      {write?.paramSheet && !formulas && <RecordNote lang={lang} sheet={write.paramSheet} onShow={onShow} />}
    </div>
  );
}

/** "The run is recorded on the sheet …" with a link to it. */
export function RecordNote({ lang, sheet, onShow }: { lang: Lang; sheet: string; onShow: (sheet: string) => void }) {
  return (
    <Caption1 data-testid="record-note">
      {t(lang, 'panePeriod.paramsDone', { sheet })}{wordSep(lang)}
      <Link as="button" onClick={() => onShow(sheet)}>
        {t(lang, 'panePeriod.show', { sheet })}
      </Link>
    </Caption1>
  );
}
