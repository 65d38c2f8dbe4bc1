/**
 * The preview grid draws no charts: the active sheet's charts (src/excel/memory keeps them as
 * records) are listed as placeholder boxes above the cells — title, type, the cells they cover,
 * their series.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ChartInfo } from '../excel/memory';
import { t, type Lang } from '../i18n';
import { joinList } from '../i18n/format';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
  },
  chart: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: {
    color: tokens.colorNeutralForeground3,
  },
});

export function ChartList({ charts, lang }: { charts: ChartInfo[]; lang: Lang }) {
  const styles = useStyles();
  if (charts.length === 0) return null;
  return (
    <div className={styles.list} data-testid="grid-charts">
      <span className={styles.label}>{t(lang, 'paneInsight.grid.charts')}</span>
      {charts.map((c) => (
        <span key={c.name} className={styles.chart} data-chart={c.name}>
          {t(lang, 'paneInsight.grid.chart', { title: c.title || c.name, type: c.type, cells: c.cells, series: joinList(lang, c.series.map((s) => s.name)) })}
        </span>
      ))}
    </div>
  );
}
