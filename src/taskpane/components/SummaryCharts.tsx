/**
 * The summary's numbers as small charts in the pane (docs/insight.md): customers per grade, the share of
 * customers and of M per segment, the R score × F score matrix, the score distributions. Plain
 * inline SVG (no chart library); each chart has a text alternative for screen readers.
 */
import { useId, type ReactElement } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { clauseSep, colon, itemSep, wordSep } from '../../i18n/format';
import type { Metric, Summary } from '../../core';
import { percent, t, type Lang } from '../../i18n';

const WIDTH = 340;
/** The colour scale of the summary sheet's matrices: white to green. */
const LOW = [255, 255, 255];
const HIGH = [99, 190, 123];
/** Above this many different scores a metric's distribution is described, not drawn. */
const MAX_BARS = 24;

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  caption: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  svg: {
    width: '100%',
    height: 'auto',
    display: 'block',
    overflow: 'visible',
  },
  legend: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
  matrix: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'center',
      minWidth: '40px',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& th': {
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      backgroundColor: tokens.colorNeutralBackground2,
    },
  },
  scroll: {
    overflowX: 'auto',
  },
});

const BAR = { fill: tokens.colorBrandBackground };
const BAR_2 = { fill: tokens.colorPaletteMarigoldBackground3 };
const TEXT = { fill: tokens.colorNeutralForeground1, fontSize: '11px' };
const MUTED = { fill: tokens.colorNeutralForeground3, fontSize: '10px' };

function scaleColour(value: number, min: number, max: number): string {
  const f = max > min ? (value - min) / (max - min) : 0;
  const c = LOW.map((l, i) => Math.round(l + (HIGH[i] - l) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

function formatMean(x: number, lang: Lang): string {
  return Number.isNaN(x) ? '–' : x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
}

/** Customers per grade: one column per grade with its count above and its share below. */
function GradeChart({ lang, summary }: { lang: Lang; summary: Summary }) {
  const styles = useStyles();
  const { grades, n } = summary;
  const max = Math.max(1, ...grades.map((g) => g.count));
  const slot = WIDTH / Math.max(1, grades.length);
  const bar = Math.min(48, slot * 0.6);
  const top = 18;
  const base = 104;
  const title = t(lang, 'paneInsight.chart.grades');
  const described = grades.map((g) => t(lang, 'paneInsight.chart.bar', { label: g.label, count: g.count, share: percent(g.share) })).join(clauseSep(lang));
  return (
    <figure className={styles.figure} data-testid="chart-grades">
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} 140`} role="img" aria-label={`${title}${colon(lang)}${described}`}>
        <line x1={0} x2={WIDTH} y1={base} y2={base} stroke={tokens.colorNeutralStroke1} />
        {grades.map((g, i) => {
          const h = n ? ((base - top) * g.count) / max : 0;
          const x = slot * i + (slot - bar) / 2;
          const mid = slot * i + slot / 2;
          return (
            <g key={`${i}-${g.label}`} data-grade={g.label} data-count={g.count}>
              <rect x={x} y={base - h} width={bar} height={h} style={BAR} rx={2} />
              <text x={mid} y={base - h - 4} textAnchor="middle" style={TEXT}>
                {g.count}
              </text>
              <text x={mid} y={base + 15} textAnchor="middle" style={{ ...TEXT, fontWeight: 600 }}>
                {g.label}
              </text>
              <text x={mid} y={base + 29} textAnchor="middle" style={MUTED}>
                {percent(g.share)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Per segment: the share of customers and the share of M, as two thin bars under its name. */
function SegmentChart({ lang, summary }: { lang: Lang; summary: Summary }) {
  const styles = useStyles();
  const segments = summary.segments ?? [];
  const max = Math.max(0.0001, ...segments.flatMap((s) => [s.share, s.mShare]));
  const row = 32;
  const span = WIDTH - 44;
  const title = t(lang, 'paneInsight.chart.segments');
  const described = segments
    .map((s) => t(lang, 'paneInsight.chart.segmentBar', { label: s.names[lang], customers: percent(s.share), m: percent(s.mShare) }))
    .join(clauseSep(lang));
  return (
    <figure className={styles.figure} data-testid="chart-segments">
      <figcaption className={styles.caption}>{title}</figcaption>
      <div className={styles.legend} aria-hidden="true">
        <span>
          <span className={styles.swatch} style={{ backgroundColor: tokens.colorBrandBackground }} />
          {t(lang, 'paneInsight.chart.customerShare')}
        </span>
        <span>
          <span className={styles.swatch} style={{ backgroundColor: tokens.colorPaletteMarigoldBackground3 }} />
          {t(lang, 'paneInsight.chart.mShare')}
        </span>
      </div>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${segments.length * row}`} role="img" aria-label={`${title}${colon(lang)}${described}`}>
        {segments.map((s, i) => {
          const y = i * row;
          const w1 = (span * s.share) / max;
          const w2 = (span * s.mShare) / max;
          return (
            <g key={s.segment} data-segment={s.segment} data-count={s.count}>
              <text x={0} y={y + 11} style={TEXT}>
                {s.names[lang]}
                <tspan style={MUTED}>{`  ${s.count}`}</tspan>
              </text>
              <rect x={0} y={y + 15} width={Math.max(w1, 0.5)} height={6} style={BAR} />
              <text x={w1 + 4} y={y + 21} style={MUTED}>
                {percent(s.share)}
              </text>
              <rect x={0} y={y + 23} width={Math.max(w2, 0.5)} height={6} style={BAR_2} />
              <text x={w2 + 4} y={y + 29} style={MUTED}>
                {percent(s.mShare)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

type HeatCell = Summary['heatmap']['cells'][number][number];

/**
 * The R score × F score table both heat maps draw: a header row of F scores, a header column of R
 * scores, and `cell` for each (R, F) cell's td.
 */
function RfTable({ summary, labelledBy, cell }: { summary: Summary; labelledBy?: string; cell: (c: HeatCell, r: number, f: number) => ReactElement }) {
  const styles = useStyles();
  const { rScores, fScores, cells } = summary.heatmap;
  return (
    <div className={styles.scroll}>
      <table className={styles.matrix} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">R \ F</th>
            {fScores.map((f) => (
              <th key={f} scope="col">{`F ${f}`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rScores.map((r, i) => (
            <tr key={r}>
              <th scope="row">{`R ${r}`}</th>
              {cells[i].map((c, j) => cell(c, r, fScores[j]))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The R score × F score matrix: customers per cell on the sheet's white-to-green scale. */
function Heatmap({ lang, summary }: { lang: Lang; summary: Summary }) {
  const styles = useStyles();
  const counts = summary.heatmap.cells.flat().map((c) => c.count);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return (
    <figure className={styles.figure} data-testid="chart-heatmap">
      <figcaption className={styles.caption}>{t(lang, 'paneInsight.chart.heatmap')}</figcaption>
      <RfTable
        summary={summary}
        cell={(c, r, f) => (
          <td key={f} style={{ backgroundColor: scaleColour(c.count, min, max) }} title={t(lang, 'paneInsight.chart.heatmapCell', { r, f, count: c.count, mean: formatMean(c.meanM, lang) })}>
            {c.count}
          </td>
        )}
      />
    </figure>
  );
}

/** The exact mean rounded to 2 places (core's text), with the language's digit grouping. */
function formatRounded(text: string, lang: Lang): string {
  return text === '' ? '–' : Number(text).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The R score × F score matrix of mean M (docs/lists.md, "Heat map"): each cell's background on the
 * sheet's white-to-green scale by its mean, the mean itself as the cell's text (so the colour is
 * never the only carrier), and a full sentence per cell for screen readers.
 */
function MeanHeatmap({ lang, summary }: { lang: Lang; summary: Summary }) {
  const styles = useStyles();
  const means = summary.heatmap.cells.flat().filter((c) => c.count > 0).map((c) => c.meanM);
  const min = Math.min(...means);
  const max = Math.max(...means);
  const titleId = useId();
  return (
    <figure className={styles.figure} data-testid="chart-heatmap-mean">
      <figcaption className={styles.caption} id={titleId}>
        {t(lang, 'paneList.chart.heatmapMeanM')}
      </figcaption>
      <RfTable
        summary={summary}
        labelledBy={titleId}
        cell={(c, r, f) => {
          const text = formatRounded(c.meanMText, lang);
          const label = c.count ? t(lang, 'paneList.chart.meanCell', { r, f, mean: text, count: c.count }) : t(lang, 'paneList.chart.emptyCell', { r, f });
          return (
            <td key={f} style={c.count ? { backgroundColor: scaleColour(c.meanM, min, max), color: '#000000' } : undefined} title={label} aria-label={label} data-mean={c.meanMText}>
              {text}
            </td>
          );
        }}
      />
      <span className={styles.legend}>{t(lang, 'paneList.chart.scale')}</span>
    </figure>
  );
}

/** Per segment the median R, F and M values (docs/lists.md), as a small table. */
function SegmentMedians({ lang, summary }: { lang: Lang; summary: Summary }) {
  const styles = useStyles();
  const medians = summary.medians ?? [];
  const titleId = useId();
  const number = (x: number) => (Number.isNaN(x) ? '–' : x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }));
  return (
    <figure className={styles.figure} data-testid="chart-medians">
      <figcaption className={styles.caption} id={titleId}>
        {t(lang, 'paneList.chart.medians')}
      </figcaption>
      <div className={styles.scroll}>
        <table className={styles.matrix} aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'summary.segment')}</th>
              <th scope="col">{t(lang, 'summary.count')}</th>
              <th scope="col">{t(lang, 'summary.medianR')}</th>
              <th scope="col">{t(lang, 'summary.medianF')}</th>
              <th scope="col">{t(lang, 'summary.medianM')}</th>
            </tr>
          </thead>
          <tbody>
            {medians.map((m) => (
              <tr key={m.segment} data-segment={m.segment}>
                <th scope="row">{m.names[lang]}</th>
                <td>{m.count}</td>
                <td>{number(m.medianR)}</td>
                <td>{number(m.medianF)}</td>
                <td>{number(m.medianM)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Scores in ascending order; whole-number scores with none between them get an empty bar (ties leave gaps). */
function withGaps(list: ReadonlyArray<{ score: number; count: number }>): Array<{ score: number; count: number }> {
  const sorted = [...list].sort((a, b) => a.score - b.score);
  if (sorted.length === 0 || !sorted.every((d) => Number.isInteger(d.score))) return sorted;
  const lo = sorted[0].score;
  const hi = sorted[sorted.length - 1].score;
  if (hi - lo + 1 > MAX_BARS) return sorted;
  const counts = new Map(sorted.map((d) => [d.score, d.count]));
  return Array.from({ length: hi - lo + 1 }, (_, i) => ({ score: lo + i, count: counts.get(lo + i) ?? 0 }));
}

/** Each metric's customers per score, side by side (lowest score left). */
function Distributions({ lang, summary }: { lang: Lang; summary: Summary }) {
  const styles = useStyles();
  const metrics: Metric[] = ['r', 'f', 'm'];
  const group = WIDTH / 3;
  const top = 14;
  const base = 84;
  const max = Math.max(1, ...metrics.flatMap((m) => summary.distributions[m].map((d) => d.count)));
  const title = t(lang, 'paneInsight.chart.distribution');
  const described = metrics
    .map((m) => `${m.toUpperCase()}${colon(lang)}${[...summary.distributions[m]].sort((a, b) => a.score - b.score).map((d) => `${d.score} → ${d.count}`).join(itemSep(lang))}`)
    .join(clauseSep(lang));
  return (
    <figure className={styles.figure} data-testid="chart-distribution">
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} 104`} role="img" aria-label={`${title}${colon(lang)}${described}`}>
        {metrics.map((m, k) => {
          const list = withGaps(summary.distributions[m]);
          const x0 = k * group + 6;
          const inner = group - 12;
          const label = t(lang, 'summary.metricScore', { metric: m.toUpperCase() });
          if (list.length > MAX_BARS) {
            return (
              <text key={m} x={x0} y={base / 2} style={MUTED}>
                {`${label}${colon(lang)}${list.length}`}
              </text>
            );
          }
          const slot = inner / Math.max(1, list.length);
          const bar = Math.max(2, slot * 0.7);
          return (
            <g key={m} data-metric={m}>
              <text x={x0 + inner / 2} y={10} textAnchor="middle" style={{ ...TEXT, fontWeight: 600 }}>
                {label}
              </text>
              <line x1={x0} x2={x0 + inner} y1={base} y2={base} stroke={tokens.colorNeutralStroke1} />
              {list.map((d, i) => {
                const h = ((base - top) * d.count) / max;
                return (
                  <g key={d.score}>
                    <rect x={x0 + slot * i + (slot - bar) / 2} y={base - h} width={bar} height={h} style={BAR}>
                      <title>{`${label}${wordSep(lang)}${d.score}${colon(lang)}${d.count}`}</title>
                    </rect>
                    {list.length <= 10 && (
                      <text x={x0 + slot * i + slot / 2} y={base + 12} textAnchor="middle" style={MUTED}>
                        {d.score}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function SummaryCharts({ lang, summary }: { lang: Lang; summary: Summary }) {
  return (
    <>
      <GradeChart lang={lang} summary={summary} />
      {summary.segments && <SegmentChart lang={lang} summary={summary} />}
      <Heatmap lang={lang} summary={summary} />
      <MeanHeatmap lang={lang} summary={summary} />
      {summary.medians && <SegmentMedians lang={lang} summary={summary} />}
      <Distributions lang={lang} summary={summary} />
    </>
  );
}
