import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { describeTieFix, describeTieFixCounts, metricName, type TieFix } from '../../core';
import { t, type Lang } from '../../i18n';

const BAR_HEIGHT = 24;

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'end',
  },
  bars: {
    display: 'flex',
    alignItems: 'flex-end',
    columnGap: '2px',
    height: `${BAR_HEIGHT}px`,
  },
  bar: {
    width: '10px',
    minHeight: '1px',
    backgroundColor: tokens.colorBrandBackground,
  },
  empty: {
    width: '10px',
    height: '1px',
    backgroundColor: tokens.colorPaletteRedBorder2,
  },
});

/** Customers per score, lowest score on the left, as a row of small bars (the text says the same). */
function Bars({ counts }: { counts: readonly number[] }) {
  const styles = useStyles();
  const max = Math.max(1, ...counts);
  return (
    <div className={styles.bars} aria-hidden="true">
      {counts.map((c, i) =>
        c ? <div key={i} className={styles.bar} style={{ height: `${Math.max(1, Math.round((c / max) * BAR_HEIGHT))}px` }} /> : <div key={i} className={styles.empty} />,
      )}
    </div>
  );
}

/**
 * Under a ties warning that leaves scores empty (docs/tie-advice.md): each fix — fewer bins, cut-offs
 * from the data, ties by row order — with the metric's distribution it gives, and "Use this", which
 * changes the scheme form (the preview then says it is out of date).
 */
export function TieFixList({ lang, fixes, onUse }: { lang: Lang; fixes: readonly TieFix[]; onUse?: (fix: TieFix) => void }) {
  const styles = useStyles();
  if (!fixes.length) return null;
  const metric = fixes[0].metric;
  return (
    <div data-testid={`tie-fixes-${metric}`}>
      <Text weight="semibold">{t(lang, 'tieFix.heading', { metric: metricName(metric) })}</Text>
      <ul className={styles.list}>
        {fixes.map((fix) => {
          const text = describeTieFix(fix, lang);
          return (
            <li key={fix.kind} className={styles.item} data-testid={`tie-fix-${fix.kind}`}>
              <div>
                <Text block>{text}</Text>
                <Caption1 block>{describeTieFixCounts(fix, lang)}</Caption1>
                <Bars counts={fix.counts} />
              </div>
              {onUse && (
                <Button size="small" onClick={() => onUse(fix)} aria-label={t(lang, 'tieFix.useLabel', { text })} data-testid={`tie-fix-use-${fix.kind}`}>
                  {t(lang, 'tieFix.use')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
