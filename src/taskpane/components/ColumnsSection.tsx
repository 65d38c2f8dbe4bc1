import { Switch } from '@fluentui/react-components';
import { METRICS, type CellValue } from '../../core';
import { joinList, quoted } from '../../i18n/format';
import { t, type Lang, type MessageKey } from '../../i18n';
import { COLUMN_ROLES, headerText, type ColumnRole, type ColumnStatus } from '../form';
import type { TableRef } from '../../excel/types';
import type { PaneActions, PaneState } from '../usePane';
import { ColumnSelect, type Feedback } from './ColumnSelect';
import { Section } from './Section';
import { columnsSummary } from '../state/summaries';

const LABELS: Record<ColumnRole, MessageKey> = {
  r: 'pane.columns.r',
  f: 'pane.columns.f',
  m: 'pane.columns.m',
  id: 'pane.columns.id',
};

/** Columns: R, F, M (and the customer ID), detected from the header row; the user decides when unsure. */
export function ColumnsSection({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const { lang, table, columns } = state;
  if (!table) return null;
  // open while a metric still needs the user (ambiguous, missing, no header); a new range remounts it
  const settled = METRICS.every((m) => columns.columns[m] !== undefined && (columns.status[m].kind === 'detected' || columns.status[m].kind === 'manual'));
  return (
    <Section
      key={`${table.sheet}!${table.address}`}
      title={t(lang, 'pane.columns.heading')}
      summary={columnsSummary(lang, columns, table.column)}
      defaultOpen={!settled}
      testId="columns"
    >
      <Switch
        label={t(lang, 'pane.columns.header')}
        checked={columns.header}
        onChange={(_, data) => actions.setHeader(data.checked)}
      />
      {COLUMN_ROLES.map((role) => (
        <ColumnField
          key={role}
          lang={lang}
          role={role}
          table={table}
          header={columns.header}
          value={columns.columns[role]}
          status={role === 'id' ? undefined : columns.status[role]}
          onChange={(index) => actions.setColumn(role, index)}
        />
      ))}
    </Section>
  );
}

interface ColumnFieldProps {
  lang: Lang;
  role: ColumnRole;
  table: TableRef;
  header: boolean;
  value: number | undefined;
  status?: ColumnStatus;
  onChange: (index: number | undefined) => void;
}

function ColumnField({ lang, role, table, header, value, status, onChange }: ColumnFieldProps) {
  return (
    <ColumnSelect
      lang={lang}
      label={t(lang, LABELS[role])}
      emptyLabel={t(lang, role === 'id' ? 'pane.columns.none' : 'pane.columns.choose')}
      table={table}
      header={header}
      value={value}
      feedback={statusText(lang, role, status, table.firstRow, value)}
      data={{ 'data-column-role': role }}
      onChange={onChange}
    />
  );
}


function statusText(
  lang: Lang,
  role: ColumnRole,
  status: ColumnStatus | undefined,
  firstRow: readonly CellValue[],
  value: number | undefined,
): Feedback {
  const metric = role.toUpperCase();
  switch (status?.kind) {
    case 'detected':
      return { state: 'success', text: t(lang, 'pane.columns.detected', { header: headerText(firstRow, value) }) };
    case 'ambiguous': {
      const headers = joinList(lang, status.candidates.map((c) => quoted(headerText(firstRow, c))));
      return { state: 'warning', text: t(lang, 'pane.columns.ambiguous', { metric, headers }) };
    }
    case 'missing':
      return { state: 'warning', text: t(lang, 'pane.columns.missing', { metric }) };
    case 'noHeader':
      return { state: 'warning', text: t(lang, 'pane.columns.noHeader') };
    default:
      return { state: 'none' };
  }
}
