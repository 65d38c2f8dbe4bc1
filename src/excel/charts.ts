/**
 * The summary sheet's native charts (docs/insight.md): customers per grade, the share of customers and of M
 * per segment, the score distributions. Each chart is made from one column of a summary table and
 * given its categories with `setXAxisValues`, so it plots the table's own cells (ExcelApi 1.7).
 */
import type { SummaryBlock, SummaryBlockKind } from '../core';
import { t, type Lang } from '../i18n';

/** Where a summary table landed: 0-based sheet row of its header, first column, size. */
export interface PlacedBlock {
  block: SummaryBlock;
  /** Header row (0-based); the data rows follow. */
  row: number;
  column: number;
}

export interface ChartSpec {
  name: string;
  title: string;
}

/** Charts are this many rows tall, one under the other right of the tables, with a gap between. */
const CHART_ROWS = 16;
const CHART_GAP = 2;
const CHART_COLUMNS = 8;

function dataRange(ws: Excel.Worksheet, p: PlacedBlock, column: number, withHeader = false): Excel.Range {
  const rows = p.block.rows.length;
  return ws.getRangeByIndexes(withHeader ? p.row : p.row + 1, p.column + column, rows + (withHeader ? 1 : 0), 1);
}

/**
 * Queues the charts for the placed tables (nothing is synced here). `column`: the first free column
 * right of the tables. Returns what was queued, in order.
 */
export function addSummaryCharts(excel: typeof Excel, ws: Excel.Worksheet, placed: PlacedBlock[], column: number, lang: Lang): ChartSpec[] {
  const byKind = new Map<SummaryBlockKind, PlacedBlock>(placed.map((p) => [p.block.kind, p]));
  const specs: ChartSpec[] = [];
  const position = (chart: Excel.Chart) => {
    const top = specs.length * (CHART_ROWS + CHART_GAP);
    chart.setPosition(ws.getCell(top, column), ws.getCell(top + CHART_ROWS - 1, column + CHART_COLUMNS - 1));
  };
  const finish = (chart: Excel.Chart, name: string, title: string) => {
    chart.name = name;
    chart.title.text = title;
    position(chart);
    specs.push({ name, title });
  };

  // 1. customers per grade: the Customers column against the grade labels
  const grades = byKind.get('grades');
  if (grades && grades.block.rows.length > 0) {
    const chart = ws.charts.add(excel.ChartType.columnClustered, dataRange(ws, grades, 2, true), excel.ChartSeriesBy.columns);
    chart.series.getItemAt(0).setXAxisValues(dataRange(ws, grades, 0));
    chart.series.getItemAt(0).hasDataLabels = true;
    chart.legend.visible = false;
    finish(chart, 'RFM_GradeChart', t(lang, 'paneInsight.chart.grades'));
  }

  // 2. per segment: share of customers and share of M side by side
  const segments = byKind.get('segments');
  if (segments && segments.block.rows.length > 0) {
    const chart = ws.charts.add(excel.ChartType.barClustered, dataRange(ws, segments, 3), excel.ChartSeriesBy.columns);
    const customers = chart.series.getItemAt(0);
    customers.name = t(lang, 'paneInsight.chart.customerShare');
    customers.setXAxisValues(dataRange(ws, segments, 0));
    const m = chart.series.add(t(lang, 'paneInsight.chart.mShare'));
    m.setValues(dataRange(ws, segments, 8));
    m.setXAxisValues(dataRange(ws, segments, 0));
    chart.axes.valueAxis.numberFormat = '0%';
    // the first segment at the top, as in the table
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.legend.position = excel.ChartLegendPosition.bottom;
    finish(chart, 'RFM_SegmentChart', t(lang, 'paneInsight.chart.segments'));
  }

  // 3. score distributions: R, F and M counts per score
  const distribution = byKind.get('distribution');
  if (distribution && distribution.block.rows.length > 0) {
    const p = distribution;
    const source = ws.getRangeByIndexes(p.row, p.column + 1, p.block.rows.length + 1, 3);
    const chart = ws.charts.add(excel.ChartType.columnClustered, source, excel.ChartSeriesBy.columns);
    for (let i = 0; i < 3; i++) chart.series.getItemAt(i).setXAxisValues(dataRange(ws, p, 0));
    chart.legend.position = excel.ChartLegendPosition.bottom;
    finish(chart, 'RFM_ScoreChart', t(lang, 'paneInsight.chart.distribution'));
  }
  return specs;
}
