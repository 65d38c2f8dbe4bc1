/**
 * "List customers" (docs/lists.md): choose a grade or a segment of the latest run and write its
 * customers, highest M first, to a new sheet (never over an existing one).
 */
import { useState } from 'react';
import { Button, Caption1, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { listChoices, listName, type ListChoice } from '../../core';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';
import type { Lists, ListSource } from '../useLists';

const valueOf = (c: ListChoice) => `${c.kind}:${c.index}`;

function choiceOf(value: string): ListChoice {
  const [kind, index] = value.split(':');
  return { kind: kind === 'segment' ? 'segment' : 'grade', index: Number(index) };
}

export function ListCustomers({ lang, run, busy, lists }: { lang: Lang; run: ListSource; busy: boolean; lists: Lists }) {
  const shared = useShared();
  // The run's segment map (docs/segments.md): its segments, Others included.
  const map = run.scored.segments?.map;
  const choices = listChoices(run.scheme, map);
  const [value, setValue] = useState(valueOf(choices[0]));
  const chosen = choiceOf(value);
  const valid = choices.some((c) => c.kind === chosen.kind && c.index === chosen.index);
  const choice = valid ? chosen : choices[0];
  const done = lists.state.done && lists.state.done.run === run ? lists.state.done.write : undefined;
  const error = lists.state.error && lists.state.error.run === run ? lists.state.error.text : undefined;
  const option = (c: ListChoice) => (
    <option key={valueOf(c)} value={valueOf(c)}>
      {listName(c, run.scheme, lang, map)}
    </option>
  );
  return (
    <div className={shared.stack} data-testid="list-customers">
      <Field label={t(lang, 'paneList.choose')}>
        <Select value={valueOf(choice)} onChange={(_, data) => setValue(data.value)} data-testid="list-choice">
          <optgroup label={t(lang, 'paneList.grades')}>{choices.filter((c) => c.kind === 'grade').map(option)}</optgroup>
          <optgroup label={t(lang, 'paneList.segments')}>{choices.filter((c) => c.kind === 'segment').map(option)}</optgroup>
        </Select>
      </Field>
      {choice.kind === 'segment' && !run.scored.segments && <Caption1 className={shared.muted}>{t(lang, 'paneList.defaultSegments')}</Caption1>}
      <div className={shared.row}>
        <Button onClick={() => lists.create(run, choice)} disabled={lists.state.busy || busy} data-testid="list-create">
          {t(lang, 'paneList.create')}
        </Button>
        {lists.state.busy && (
          <Caption1 role="status" className={shared.muted}>
            {t(lang, 'paneList.creating')}
          </Caption1>
        )}
      </div>
      <Caption1 className={shared.muted}>{t(lang, 'paneList.hint')}</Caption1>
      {done && (
        <MessageBar intent="success" data-testid="list-done">
          <MessageBarBody>{t(lang, 'paneList.done', { name: done.name, count: done.count, sheet: done.sheet })}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error(lang)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
