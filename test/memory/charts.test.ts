/** Charts, colour scales and styled tables in the in-memory workbook (what the summary sheet uses). */
import { createMemoryExcel } from '../../src/excel/memory';

const SALES = [
  ['Grade', 'Customers', 'Spend'],
  ['A', 12, 3400],
  ['B', 30, 2100],
  ['C', 41, 900],
  ['D', 17, 150],
];

function setup() {
  return createMemoryExcel({ sheets: { Data: SALES } });
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('charts', () => {
  test('charts.add: series by column, names from the header row, categories from the first column', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      const chart = ws.charts.add(Excel.ChartType.columnClustered, ws.getRange('A1:C5'), Excel.ChartSeriesBy.auto);
      chart.load('name, chartType');
      chart.series.load('count, items/name');
      // nothing is readable before the sync delivers it
      expect(() => chart.name).toThrow(/is not available/);
      await context.sync();
      expect(chart.name).toBe('Chart 1');
      expect(chart.chartType).toBe('ColumnClustered');
      expect(chart.series.count).toBe(2);
      expect(chart.series.items.map((s) => s.name)).toEqual(['Customers', 'Spend']);
      const first = chart.series.getItemAt(0);
      const values = first.getDimensionValues(Excel.ChartSeriesDimension.values);
      const categories = first.getDimensionValues(Excel.ChartSeriesDimension.categories);
      const source = first.getDimensionDataSourceString(Excel.ChartSeriesDimension.values);
      await context.sync();
      expect(values.value).toEqual(['12', '30', '41', '17']);
      expect(categories.value).toEqual(['A', 'B', 'C', 'D']);
      expect(source.value).toBe('=Data!$B$2:$B$5');
    });
    const [info] = workbook.sheet('Data').charts();
    expect(info).toMatchObject({ name: 'Chart 1', type: 'ColumnClustered', title: '', cells: 'A1:H15', width: 360, height: 216 });
    expect(info.series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ['Customers', '=Data!$B$2:$B$5', '=Data!$A$2:$A$5'],
      ['Spend', '=Data!$C$2:$C$5', '=Data!$A$2:$A$5'],
    ]);
  });

  test('title, position, axes and legend; series added by hand from ranges that are not side by side', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('E:E').format.columnWidth = 100;
      const chart = ws.charts.add('BarClustered', ws.getRange('B1:B5'), 'Columns');
      chart.name = 'GradeChart';
      chart.title.text = 'Customers by grade';
      chart.setPosition('E2', 'H16');
      chart.legend.position = 'Bottom';
      chart.axes.valueAxis.numberFormat = '0%';
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.series.getItemAt(0).setXAxisValues(ws.getRange('A2:A5'));
      const spend = chart.series.add('Spend');
      spend.setValues(ws.getRange('C2:C5'));
      spend.setXAxisValues(ws.getRange('A2:A5'));
      spend.hasDataLabels = true;
      await context.sync();
      chart.load('top, left, width, height');
      chart.title.load('text');
      chart.axes.valueAxis.load('numberFormat');
      const count = chart.series.getCount();
      await context.sync();
      expect([chart.left, chart.top, chart.width, chart.height]).toEqual([4 * 48, 15, 100 + 3 * 48, 15 * 15]);
      expect(chart.title.text).toBe('Customers by grade');
      expect(chart.axes.valueAxis.numberFormat).toBe('0%');
      expect(count.value).toBe(2);
    });
    const [info] = workbook.sheet('Data').charts();
    expect(info).toMatchObject({ name: 'GradeChart', type: 'BarClustered', title: 'Customers by grade', cells: 'E2:H16', legend: { visible: true, position: 'Bottom' } });
    expect(info.axes.value.numberFormat).toBe('0%');
    expect(info.axes.category.reversePlotOrder).toBe(true);
    expect(info.series.map((s) => ({ name: s.name, values: s.valueData, categories: s.categoryData, labels: s.hasDataLabels }))).toEqual([
      { name: 'Customers', values: [12, 30, 41, 17], categories: ['A', 'B', 'C', 'D'], labels: false },
      { name: 'Spend', values: [3400, 2100, 900, 150], categories: ['A', 'B', 'C', 'D'], labels: true },
    ]);
    // the chart reads its cells live
    workbook.sheet('Data').setValues('C2', [[5000]]);
    expect(workbook.sheet('Data').charts()[0].series[1].valueData[0]).toBe(5000);
  });

  test('without a text header or text first column: Series1 …, categories 1, 2, 3', async () => {
    const { Excel } = createMemoryExcel({ sheets: { N: [[1, 2], [3, 4], [5, 6]] } });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('N');
      const chart = ws.charts.add('Line', ws.getRange('A1:B3'));
      chart.series.load('items/name');
      await context.sync();
      expect(chart.series.items.map((s) => s.name)).toEqual(['Series1', 'Series2']);
      const cats = chart.series.getItemAt(1).getDimensionValues('Categories');
      const vals = chart.series.getItemAt(1).getDimensionValues('Values');
      await context.sync();
      expect(cats.value).toEqual(['1', '2', '3']);
      expect(vals.value).toEqual(['2', '4', '6']);
    });
  });

  test('by rows: each row a series', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { R: [['', 'Q1', 'Q2', 'Q3'], ['North', 1, 2, 3], ['South', 4, 5, 6]] } });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('R');
      ws.charts.add('Line', ws.getRange('A1:D3'), 'Rows');
      await context.sync();
    });
    expect(workbook.sheet('R').charts()[0].series.map((s) => [s.name, s.valueData, s.categoryData])).toEqual([
      ['North', [1, 2, 3], ['Q1', 'Q2', 'Q3']],
      ['South', [4, 5, 6], ['Q1', 'Q2', 'Q3']],
    ]);
  });

  test('errors: unknown type, unknown chart, protected sheet; Chart.delete', async () => {
    const { Excel, workbook } = setup();
    await expect(
      codeOf(
        Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem('Data');
          ws.charts.add('Sparkle' as Excel.ChartType, ws.getRange('A1:C5'));
          await context.sync();
        }),
      ),
    ).resolves.toBe('InvalidArgument');
    await expect(
      codeOf(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem('Data').charts.getItem('Nope').load('name');
          await context.sync();
        }),
      ),
    ).resolves.toBe('ItemNotFound');
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItem('Data').charts.getItemOrNullObject('Nope');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    workbook.sheet('Data').protect();
    await expect(
      codeOf(
        Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem('Data');
          ws.charts.add('Pie', ws.getRange('A1:B5'));
          await context.sync();
        }),
      ),
    ).resolves.toBe('AccessDenied');
    workbook.sheet('Data').unprotect();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.charts.add('Pie', ws.getRange('A1:B5'));
      await context.sync();
    });
    expect(workbook.sheet('Data').charts()).toHaveLength(1);
    await Excel.run(async (context) => {
      const charts = context.workbook.worksheets.getItem('Data').charts.load('count');
      await context.sync();
      expect(charts.count).toBe(1);
      charts.getItemAt(0).delete();
      await context.sync();
    });
    expect(workbook.sheet('Data').charts()).toHaveLength(0);
  });

  test('a chart on one sheet can plot another sheet’s cells', async () => {
    const { Excel, workbook } = setup();
    workbook.addSheet('Report');
    await Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem('Data');
      const report = context.workbook.worksheets.getItem('Report');
      report.charts.add('ColumnClustered', data.getRange('A1:B5'));
      await context.sync();
    });
    expect(workbook.sheet('Report').charts()[0].series[0]).toMatchObject({ name: 'Customers', values: '=Data!$B$2:$B$5', valueData: [12, 30, 41, 17] });
  });
});

describe('colour scales', () => {
  test('criteria are checked, stored and read back', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('B2:C5');
      const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.colorScale);
      cf.colorScale.criteria = {
        minimum: { type: Excel.ConditionalFormatColorCriterionType.lowestValue, color: '#FFFFFF' },
        maximum: { type: Excel.ConditionalFormatColorCriterionType.highestValue, color: '#63be7b' },
      };
      await context.sync();
      cf.colorScale.load('criteria, threeColorScale');
      cf.load('type');
      await context.sync();
      expect(cf.type).toBe('ColorScale');
      expect(cf.colorScale.threeColorScale).toBe(false);
      expect(cf.colorScale.criteria.maximum).toEqual({ formula: null, type: 'HighestValue', color: '#63BE7B' });
    });
    const [cf] = workbook.conditionalFormats('Data');
    expect(cf).toMatchObject({ type: 'ColorScale', address: 'B2:C5' });
    expect(cf.rule.criteria).toEqual({
      minimum: { formula: null, type: 'LowestValue', color: '#FFFFFF' },
      maximum: { formula: null, type: 'HighestValue', color: '#63BE7B' },
    });
  });

  test('a number criterion without a formula, or colorScale on another type, fails the sync', async () => {
    const { Excel } = setup();
    await expect(
      codeOf(
        Excel.run(async (context) => {
          const cf = context.workbook.worksheets.getItem('Data').getRange('B2:B5').conditionalFormats.add('ColorScale');
          cf.colorScale.criteria = { minimum: { type: 'Number', color: '#FFFFFF' }, maximum: { type: 'HighestValue', color: '#00FF00' } } as Excel.ConditionalColorScaleCriteria;
          await context.sync();
        }),
      ),
    ).resolves.toBe('InvalidArgument');
    await expect(
      codeOf(
        Excel.run(async (context) => {
          const cf = context.workbook.worksheets.getItem('Data').getRange('B2:B5').conditionalFormats.add('CellValue');
          cf.colorScale.load('criteria');
          await context.sync();
        }),
      ),
    ).resolves.toBe('InvalidOperation');
  });
});

describe('styled tables', () => {
  test('tables.add, name and style; the header cells are the column names', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Data').tables.add('A1:C5', true);
      table.name = 'RFM_Grades';
      table.style = 'TableStyleLight9';
      table.load('name, style');
      await context.sync();
      expect([table.name, table.style]).toEqual(['RFM_Grades', 'TableStyleLight9']);
    });
    expect(workbook.tables()).toEqual([{ name: 'RFM_Grades', sheet: 'Data', address: 'A1:C5', columns: SALES[0], style: 'TableStyleLight9' }]);
    // table names are unique in the workbook
    await expect(
      codeOf(
        Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem('Data');
          ws.getRange('E1:F2').values = [['x', 'y'], [1, 2]];
          ws.tables.add('E1:F2', true).name = 'rfm_grades';
          await context.sync();
        }),
      ),
    ).resolves.toBe('ItemAlreadyExists');
  });
});
