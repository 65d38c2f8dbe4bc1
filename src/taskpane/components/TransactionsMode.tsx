/**
 * The pane's "from sales records" mode (docs/transactions.md): the sales table's columns (customer, date, amount,
 * optional order ID, detected from English and Chinese headers), the period (since optional, as-of
 * defaulting to the latest transaction date), the scheme, a preview that counts the customers and
 * says which as-of date was used, and a run that writes the per-customer sheet as a new sheet.
 */
import {
  Body1,
  Body1Strong,
  Caption1,
  Field,
  Input,
  Link,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { columnLetter, describeTxInvalid, formatCivilDay, txInvalidAddress, type CellValue, type TieFix, type TxRole } from '../../core';
import type { TableRef } from '../../excel';
import { etc, joinList, quoted } from '../../i18n/format';
import { t, type Lang, type MessageKey } from '../../i18n';
import { headerText, type ColumnStatus } from '../form';
import { tieFixPatch } from '../state/tieFixes';
import { useShared } from '../styles';
import { TX_REQUIRED } from '../txForm';
import type { Pane } from '../usePane';
import { txStale, type TxOutcome, type TxPane } from '../useTransactions';
import { ColumnSelect, type Feedback } from './ColumnSelect';
import { GradeTable } from './GradeTable';
import { InsightSection } from './InsightSection';
import { InvalidList } from './InvalidList';
import { RecordNote } from './PeriodsSection';
import { ResultFrame } from './ResultFrame';
import { SchemeSection } from './SchemeSection';
import { ScoreTable } from './ScoreTable';
import { Section } from './Section';
import { Warnings } from './Warnings';

const ROLES: readonly TxRole[] = ['customer', 'date', 'amount', 'order'];
const LABELS: Record<TxRole, MessageKey> = {
  customer: 'paneMode.tx.customer',
  date: 'paneMode.tx.date',
  amount: 'paneMode.tx.amount',
  order: 'paneMode.tx.order',
};
/** Invalid cells listed one by one (the command line lists as many); the total is always given. */
const INVALID_SHOWN = 20;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { fontSize: tokens.fontSizeBase200 },
  dates: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  input: { width: '100%', minWidth: 0 },
});

export function TransactionsMode({ pane, tx }: { pane: Pane; tx: TxPane }) {
  return (
    <>
      <TxColumnsSection pane={pane} tx={tx} />
      <PeriodSection pane={pane} tx={tx} />
      <SchemeSection pane={pane} />
      <InsightSection pane={pane} />
      <TxPreviewSection pane={pane} tx={tx} />
      <TxRunSection pane={pane} tx={tx} />
    </>
  );
}

function TxColumnsSection({ pane, tx }: { pane: Pane; tx: TxPane }) {
  const shared = useShared();
  const { lang, table } = pane.state;
  const { form } = tx.state;
  return (
    <Section title={t(lang, 'paneMode.tx.columnsHeading')}>
      {!table ? (
        <Caption1 className={shared.muted}>{t(lang, 'paneMode.tx.select')}</Caption1>
      ) : (
        <>
          <Switch label={t(lang, 'pane.columns.header')} checked={form.header} onChange={(_, data) => tx.actions.setHeader(data.checked)} />
          {ROLES.map((role) => (
            <TxColumnField
              key={role}
              lang={lang}
              role={role}
              table={table}
              header={form.header}
              value={form.columns[role]}
              status={form.status[role]}
              onChange={(index) => tx.actions.setColumn(role, index)}
            />
          ))}
        </>
      )}
    </Section>
  );
}

interface TxColumnFieldProps {
  lang: Lang;
  role: TxRole;
  table: TableRef;
  header: boolean;
  value: number | undefined;
  status: ColumnStatus;
  onChange: (index: number | undefined) => void;
}

function TxColumnField({ lang, role, table, header, value, status, onChange }: TxColumnFieldProps) {
  return (
    <ColumnSelect
      lang={lang}
      label={t(lang, LABELS[role])}
      emptyLabel={t(lang, role === 'order' ? 'pane.columns.none' : 'pane.columns.choose')}
      table={table}
      header={header}
      value={value}
      feedback={statusText(lang, role, status, table.firstRow, value)}
      data={{ 'data-tx-role': role }}
      onChange={onChange}
    />
  );
}


function statusText(lang: Lang, role: TxRole, status: ColumnStatus, firstRow: readonly CellValue[], value: number | undefined): Feedback {
  const name = t(lang, `tx.role.${role}`);
  const optional = !TX_REQUIRED.includes(role);
  switch (status.kind) {
    case 'detected':
      return { state: 'success', text: t(lang, 'pane.columns.detected', { header: headerText(firstRow, value) }) };
    case 'ambiguous': {
      const headers = joinList(lang, status.candidates.map((c) => quoted(headerText(firstRow, c))));
      return { state: 'warning', text: t(lang, 'paneMode.tx.ambiguous', { role: name, headers }) };
    }
    case 'missing':
      return optional ? { state: 'none', text: t(lang, 'paneMode.tx.orderHint') } : { state: 'warning', text: t(lang, 'paneMode.tx.missing', { role: name }) };
    case 'noHeader':
      return { state: 'warning', text: t(lang, 'pane.columns.noHeader') };
    default:
      return optional && value === undefined ? { state: 'none', text: t(lang, 'paneMode.tx.orderHint') } : { state: 'none' };
  }
}

function PeriodSection({ pane, tx }: { pane: Pane; tx: TxPane }) {
  const styles = useStyles();
  const { lang } = pane.state;
  const { form } = tx.state;
  const errors = tx.periodErrors;
  return (
    <Section title={t(lang, 'paneMode.period.heading')}>
      <div className={styles.dates}>
        <Field
          label={t(lang, 'paneMode.period.since')}
          hint={errors.since ? undefined : t(lang, 'paneMode.period.sinceHint')}
          validationState={errors.since ? 'error' : 'none'}
          validationMessage={errors.since?.(lang)}
        >
          <Input className={styles.input} type="date" value={form.since} onChange={(_, data) => tx.actions.setSince(data.value)} data-testid="tx-since" />
        </Field>
        <Field
          label={t(lang, 'paneMode.period.asOf')}
          hint={errors.asOf ? undefined : t(lang, 'paneMode.period.asOfHint')}
          validationState={errors.asOf ? 'error' : 'none'}
          validationMessage={errors.asOf?.(lang)}
        >
          <Input className={styles.input} type="date" value={form.asOf} onChange={(_, data) => tx.actions.setAsOf(data.value)} data-testid="tx-as-of" />
        </Field>
      </div>
    </Section>
  );
}

function TxPreviewSection({ pane, tx }: { pane: Pane; tx: TxPane }) {
  const { lang } = pane.state;
  const { preview } = tx.state;
  if (!preview) return null;
  return (
    <Section title={t(lang, 'pane.preview.heading')}>
      <ResultFrame lang={lang} stale={txStale(pane.state, tx.state, preview)} focusKey={preview} testId="tx-preview">
        <TxReport
          lang={lang}
          outcome={preview}
          onSelect={pane.actions.selectInvalid}
          onUseFix={(fix) => pane.actions.setScheme(tieFixPatch(fix, preview.scheme, pane.state.scheme))}
        />
      </ResultFrame>
    </Section>
  );
}

function TxRunSection({ pane, tx }: { pane: Pane; tx: TxPane }) {
  const { lang } = pane.state;
  const { result } = tx.state;
  if (!result) return null;
  return (
    <Section title={t(lang, 'pane.run.heading')}>
      <ResultFrame lang={lang} stale={txStale(pane.state, tx.state, result)} focusKey={result} testId="tx-run-result">
          <Body1Strong role="status">
            {t(lang, 'paneMode.tx.done', { rows: result.write.rowsWritten, sheet: result.write.sheet, address: result.write.address })}
          </Body1Strong>
          <div>
            <Link as="button" onClick={() => tx.actions.showSheet(result.write.sheet)}>
              {t(lang, 'paneMode.tx.show', { sheet: result.write.sheet })}
            </Link>
          </div>
          {result.write.paramSheet && <RecordNote lang={lang} sheet={result.write.paramSheet} onShow={tx.actions.showSheet} />}
          <TxReport
          lang={lang}
          outcome={result}
          onSelect={pane.actions.selectInvalid}
          onUseFix={(fix) => pane.actions.setScheme(tieFixPatch(fix, result.scheme, pane.state.scheme))}
        />
          <InvalidList
            lang={lang}
            scored={{
              // The customers that cannot be scored (M < 0) are rows of the sheet just written.
              table: {
                sheet: result.write.sheet,
                address: result.write.address,
                row: 0,
                column: 0,
                rowCount: result.write.rowsWritten + 1,
                columnCount: 0,
                firstRow: [],
                clipped: false,
              },
              scored: result.scored,
              scheme: result.scheme,
              lang: result.lang,
            }}
            onSelect={pane.actions.selectInvalid}
          />
      </ResultFrame>
    </Section>
  );
}

/** What the aggregation found: customers, the as-of date used, the period, left-out customers, invalid cells. */
function TxReport({
  lang,
  outcome,
  onSelect,
  onUseFix,
}: {
  lang: Lang;
  outcome: TxOutcome;
  onSelect: (sheet: string, address: string) => void;
  /** "Use this" on a tie fix (docs/tie-advice.md). */
  onUseFix: (fix: TieFix) => void;
}) {
  const styles = useStyles();
  const shared = useShared();
  const { report } = outcome.sales;
  const asOf = report.asOf !== undefined ? formatCivilDay(report.asOf) : '';
  const orderColumn = report.layout.columns.order;
  const lines: string[] = [];
  lines.push(
    report.since !== undefined ? t(lang, 'paneMode.tx.period', { since: formatCivilDay(report.since), asOf }) : t(lang, 'paneMode.tx.periodAll', { asOf }),
  );
  lines.push(
    orderColumn !== undefined
      ? t(lang, 'paneMode.tx.fOrders', { column: columnLetter(orderColumn) })
      : t(lang, 'paneMode.tx.fRows'),
  );
  if (report.leftOut) {
    const examples = joinList(lang, report.leftOutExamples) + (report.leftOut > report.leftOutExamples.length ? etc(lang) : '');
    lines.push(t(lang, 'paneMode.tx.leftOut', { count: report.leftOut, examples }));
  }
  if (report.beforeSince && report.since !== undefined) {
    lines.push(t(lang, 'paneMode.tx.beforeSince', { count: report.beforeSince, since: formatCivilDay(report.since) }));
  }
  if (report.refundRows) lines.push(t(lang, 'paneMode.tx.refunds', { count: report.refundRows }));
  if (report.zeroRows) lines.push(t(lang, 'paneMode.tx.zero', { count: report.zeroRows }));
  const shown = report.invalid.slice(0, INVALID_SHOWN);
  const { result } = outcome.scored;
  return (
    <>
      <Body1 data-testid="tx-customers">{t(lang, 'paneMode.tx.customers', { customers: report.customers, rows: report.rows })}</Body1>
      <Body1Strong data-testid="tx-as-of-used">
        {t(lang, report.asOfSource === 'given' ? 'paneMode.tx.asOfGiven' : 'paneMode.tx.asOfLatest', { asOf })}
      </Body1Strong>
      {lines.map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
      {report.invalidRows > 0 && (
        <div data-testid="tx-invalid">
          <Text weight="semibold">{t(lang, 'paneMode.tx.invalidHeading', { rows: report.invalidRows, cells: report.invalidCells })}</Text>
          <ul className={styles.list}>
            {shown.map((cell) => {
              const address = txInvalidAddress(cell);
              return (
                <li key={`${cell.row}:${cell.column}`} className={styles.item}>
                  <Link as="button" aria-label={t(lang, 'pane.invalid.select', { address })} onClick={() => onSelect(outcome.table.sheet, address)}>
                    {address}
                  </Link>
                  {`: ${describeTxInvalid(cell, lang, report)}`}
                </li>
              );
            })}
          </ul>
          {report.invalidCells > shown.length && (
            <Caption1 className={shared.muted}>{t(lang, 'paneMode.tx.invalidMore', { shown: shown.length, count: report.invalidCells })}</Caption1>
          )}
        </div>
      )}
      <GradeTable lang={lang} result={result} scheme={outcome.scheme} />
      <ScoreTable lang={lang} result={result} scheme={outcome.scheme} />
      <Warnings lang={lang} result={result} scheme={outcome.scheme} onUseFix={onUseFix} />
    </>
  );
}
