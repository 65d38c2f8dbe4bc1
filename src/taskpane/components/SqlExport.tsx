import { useEffect, useRef } from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { SQL_DIALECTS, type SqlDialectId } from '../../core/sql';
import { t, type MessageKey } from '../../i18n';
import type { Pane } from '../usePane';
import { useSqlExport } from '../useSqlExport';
import { Section } from './Section';

/** "Copy as SQL" (docs/sql.md): the current scheme and columns as one query, for a chosen database. */
export function SqlExport({ pane }: { pane: Pane }) {
  const { lang } = pane.state;
  const sql = useSqlExport(pane.state);
  const box = useRef<HTMLTextAreaElement>(null);
  const query = 'query' in sql.build ? sql.build.query : undefined;
  // The fallback: the whole query selected, ready for Ctrl+C.
  useEffect(() => {
    if (sql.status === 'fallback') {
      box.current?.focus();
      box.current?.select();
    }
  }, [sql.status, query]);
  const dialectName = (d: SqlDialectId) => t(lang, `sql.dialect.${d}` as MessageKey);
  return (
    <Section title={t(lang, 'sql.pane.heading')}>
      <Caption1>{t(lang, 'sql.pane.intro')}</Caption1>
      <Field label={t(lang, 'sql.pane.dialect')}>
        <Select value={sql.dialect} onChange={(_, data) => sql.setDialect(data.value as SqlDialectId)}>
          {SQL_DIALECTS.map((d) => (
            <option key={d} value={d}>
              {dialectName(d)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'sql.pane.table')} hint={t(lang, 'sql.pane.columnsNote')}>
        <Input value={sql.table} onChange={(_, data) => sql.setTable(data.value)} />
      </Field>
      {pane.state.periods.scale && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, 'sql.pane.scaleNote')}</MessageBarBody>
        </MessageBar>
      )}
      {'problem' in sql.build && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, sql.build.problem)}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="secondary" disabled={query === undefined} onClick={() => void sql.copy()}>
        {t(lang, 'sql.pane.copy')}
      </Button>
      {sql.status === 'copied' && (
        <MessageBar intent="success">
          <MessageBarBody>{t(lang, 'sql.pane.copied', { dialect: dialectName(sql.dialect) })}</MessageBarBody>
        </MessageBar>
      )}
      {sql.status === 'fallback' && query !== undefined && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>{t(lang, 'sql.pane.copyFailed')}</MessageBarBody>
          </MessageBar>
          <Field label={t(lang, 'sql.pane.query')}>
            <Textarea ref={box} readOnly value={query} resize="vertical" rows={8} />
          </Field>
        </>
      )}
    </Section>
  );
}
