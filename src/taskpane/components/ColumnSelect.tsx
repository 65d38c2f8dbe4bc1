import { Field, Select } from '@fluentui/react-components';
import type { TableRef } from '../../excel/types';
import type { Lang } from '../../i18n';
import { columnLabel } from '../form';

/** What a column dropdown says under itself: detected, ambiguous, missing, chosen by the user. */
export type Feedback = { state: 'none' | 'success' | 'warning' | 'error'; text?: string };

export interface ColumnSelectProps {
  lang: Lang;
  label: string;
  /** The first option: "choose…" or "(none)" for an optional column. */
  emptyLabel: string;
  table: TableRef;
  header: boolean;
  value: number | undefined;
  feedback: Feedback;
  /** data-* attributes that identify the dropdown (tests find it by them). */
  data: Record<`data-${string}`, string>;
  onChange: (index: number | undefined) => void;
}

/** A dropdown of the table's columns, each shown as its letter and header text. */
export function ColumnSelect({ lang, label, emptyLabel, table, header, value, feedback, data, onChange }: ColumnSelectProps) {
  const indexes = Array.from({ length: table.columnCount }, (_, i) => i);
  return (
    <Field label={label} validationState={feedback.state} validationMessage={feedback.text}>
      <Select
        value={value === undefined ? '' : String(value)}
        onChange={(_, d) => onChange(d.value === '' ? undefined : Number(d.value))}
        {...data}
      >
        <option value="">{emptyLabel}</option>
        {indexes.map((i) => (
          <option key={i} value={String(i)}>
            {columnLabel(lang, table.column, i, table.firstRow, header)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
