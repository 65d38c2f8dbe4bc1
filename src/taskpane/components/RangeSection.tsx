import { Body1Strong, Button, Caption1, MessageBar, MessageBarBody, Switch } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';
import type { PaneActions, PaneState } from '../usePane';
import { Section } from './Section';

/** Range: the table to score, taken from the selection and following it. */
export function RangeSection({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const shared = useShared();
  const { lang, table, tableLoading, tableNote, follow, columns } = state;
  return (
    <Section title={t(lang, 'pane.range.heading')}>
      <div className={shared.row}>
        <Button onClick={actions.useSelection} disabled={tableLoading}>
          {t(lang, 'pane.range.use')}
        </Button>
        <Switch
          label={t(lang, 'pane.range.follow')}
          checked={follow}
          onChange={(_, data) => actions.setFollow(data.checked)}
        />
      </div>
      {tableLoading && <Caption1 className={shared.muted}>{t(lang, 'pane.range.loading')}</Caption1>}
      {table ? (
        <div aria-live="polite" data-testid="range-info">
          <div className={shared.row}>
            <Caption1 className={shared.muted}>{t(lang, 'pane.range.address')}</Caption1>
            <Body1Strong data-testid="range-address">{`${table.sheet}!${table.address}`}</Body1Strong>
          </div>
          <Caption1 data-testid="range-rows">{rowsText(lang, table.rowCount, table.columnCount, columns.header)}</Caption1>
        </div>
      ) : (
        !tableLoading && (
          <Caption1 className={shared.muted}>{tableNote ? tableNote.text(lang) : t(lang, 'pane.range.none')}</Caption1>
        )
      )}
      {table?.clipped && <Note text={t(lang, 'pane.range.clipped')} />}
      {table?.fromCell && <Note text={t(lang, 'pane.range.fromCell', { cell: table.fromCell })} />}
      {table?.tableName && <Note text={t(lang, 'pane.range.table', { name: table.tableName })} />}
    </Section>
  );
}

function rowsText(lang: Lang, rows: number, columns: number, header: boolean): string {
  return header && rows > 1
    ? t(lang, 'pane.range.rowsHeader', { rows, columns, data: rows - 1 })
    : t(lang, 'pane.range.rows', { rows, columns });
}

function Note({ text }: { text: string }) {
  return (
    <MessageBar intent="info">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
