import { Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeInvalid, invalidAddress, invalidRows } from '../../core';
import { clauseSep, colon } from '../../i18n/format';
import { t, type Lang } from '../../i18n';
import type { Scored } from '../usePane';

const SHOWN = 50;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { fontSize: tokens.fontSizeBase200 },
});

/** Invalid rows with the address of their first bad cell; a click (or Enter) selects that cell. */
export function InvalidList({ lang, scored, onSelect }: { lang: Lang; scored: Scored; onSelect: (sheet: string, address: string) => void }) {
  const styles = useStyles();
  const rows = invalidRows(scored.scored.result);
  if (rows.size === 0) return null;
  const origin = { row: scored.table.row, column: scored.table.column };
  const shown = [...rows].slice(0, SHOWN);
  const sep = clauseSep(lang);
  return (
    <div data-testid="invalid-rows">
      <Text weight="semibold">{t(lang, 'pane.invalid.heading', { count: rows.size })}</Text>
      <ul className={styles.list}>
        {shown.map(([row, cells]) => {
          const address = invalidAddress(scored.scored, row, cells[0].metric, origin);
          return (
            <li key={row} className={styles.item}>
              <Link
                as="button"
                aria-label={t(lang, 'pane.invalid.select', { address })}
                onClick={() => onSelect(scored.table.sheet, address)}
              >
                {address}
              </Link>
              {`${colon(lang)}${cells.map((c) => describeInvalid(c, lang)).join(sep)}`}
            </li>
          );
        })}
      </ul>
      {rows.size > SHOWN && <Caption1>{t(lang, 'pane.invalid.more', { shown: SHOWN, count: rows.size })}</Caption1>}
    </div>
  );
}
