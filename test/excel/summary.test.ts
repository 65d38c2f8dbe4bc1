/**
 * Segments, follow-up and summary (docs/insight.md) in Excel: the Segment and Follow-up columns through the pane's read → plan → write, and
 * "Create summary" — a new sheet of Excel tables with number formats, colour scales and native
 * charts — against the in-memory workbook.
 */
import {
  RfmError,
  defaultScheme,
  parseMethodText,
  scoreRows,
  summarize,
  summaryBlocks,
  type CellValue,
  type InsightOptions,
  type Scheme,
} from '../../src/core';
import { createSummarySheet, currentTable, planWrite, scoreTableInExcel, writeOutput } from '../../src/excel';
import type { MemoryExcel } from '../../src/excel/memory';
import type { Lang } from '../../src/i18n';
import { book, expected, zhSheet } from './helpers';

const INSIGHT: InsightOptions = { segments: { reference: 'median', basis: 'scores' }, followUp: ['每月回访', '每季度回访', '半年回访', '每年回访'] };

async function run(mem: MemoryExcel, lang: Lang, insight?: InsightOptions, scheme: Scheme = defaultScheme()) {
  const table = await currentTable(mem.Excel);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, scheme, lang, undefined, insight);
  const plan = await planWrite(mem.Excel, table, scored);
  const write = await writeOutput(mem.Excel, table, scored, plan, 'here', lang);
  return { table, scored, plan, write };
}

function customers(n = 240): MemoryExcel {
  const mem = book();
  mem.workbook.addSheet('客户', zhSheet(n));
  return mem;
}

test('Segment and Follow-up columns are written after Grade and equal the engine’s', async () => {
  const mem = customers();
  await mem.workbook.select('客户', 'A:E');
  const { table, scored, write } = await run(mem, 'zh', INSIGHT);
  expect(scored.output.headers).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群', '回访周期']);
  expect(write.address).toBe('F1:L241');
  const rows = mem.workbook.sheet('客户').getValues(table.address) as CellValue[][];
  const engine = scoreRows(rows, {}, defaultScheme(), 'zh', INSIGHT);
  const written = mem.workbook.sheet('客户').getValues('F1:L241');
  expect(written[0]).toEqual(engine.output.headers);
  engine.dataRows.forEach((rel, k) => expect(written[rel]).toEqual(engine.output.columns.map((_, c) => expected(engine, k, c))));
  // every segment name is one of the eight, the follow-up is the user's label for the grade
  const segmentNames = new Set(written.slice(1).map((r) => r[5]));
  expect([...segmentNames].every((s) => typeof s === 'string' && s.endsWith('客户'))).toBe(true);
  const gradeOf = new Map(defaultScheme().grades.map((g, i) => [g.label, INSIGHT.followUp && (INSIGHT.followUp as string[])[i]]));
  for (const r of written.slice(1)) expect(r[6]).toBe(gradeOf.get(String(r[4])));
});

test('a re-run recognises the wider block (with Segment, Follow-up) and replaces it, in either direction', async () => {
  const mem = customers(60);
  await mem.workbook.select('客户', 'A1:E61');
  await run(mem, 'en', { segments: true, followUp: true });
  expect(mem.workbook.sheet('客户').getValues('F1:L1')).toEqual([['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Segment', 'Follow-up']]);
  // the table now reaches L: select it again, as the user would, and run without the extra columns
  await mem.workbook.select('客户', 'A:L');
  const second = await run(mem, 'en');
  expect(second.plan.conflict).toBe('own');
  expect(second.write.address).toBe('F1:J61');
  expect(mem.workbook.sheet('客户').getValues('F1:L1')).toEqual([['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', '', '']]);
  expect(mem.workbook.sheet('客户').getValues('K2:L61').flat().every((v) => v === '')).toBe(true);
  // and back: Chinese, with both columns again, over the English block
  await mem.workbook.select('客户', 'A:J');
  const third = await run(mem, 'zh', { segments: true, followUp: true });
  expect(third.plan.conflict).toBe('own');
  expect(mem.workbook.sheet('客户').getValues('F1:L1')).toEqual([['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群', '回访周期']]);
});

describe('Create summary', () => {
  test('a new sheet of Excel tables, formats, colour scales and three charts, in two syncs', async () => {
    const mem = customers();
    await mem.workbook.select('客户', 'A:E');
    const { scored } = await run(mem, 'en', { segments: true, followUp: true });
    mem.log.reset();
    const result = await createSummarySheet(mem.Excel, scored, defaultScheme(), 'en', true);
    expect(result.sheet).toBe('RFM summary');
    expect(result.syncs).toBe(2);
    expect(mem.log.syncs).toHaveLength(2);
    expect(mem.log.maxRequestBytes()).toBeLessThan(100_000);
    expect(mem.workbook.activeSheet()).toBe('客户');

    const blocks = summaryBlocks(summarize(scored.result, defaultScheme(), scored.segments), defaultScheme(), 'en', true);
    expect(result.tables.map((x) => [x.kind, x.name, x.address])).toEqual([
      ['grades', 'RFM_Grades', 'A2:I6'],
      ['segments', 'RFM_Segments', 'A10:I18'],
      ['heatmapCount', 'RFM_RxF_Customers', 'A22:F27'],
      ['heatmapMeanM', 'RFM_RxF_MeanM', 'A31:F36'],
      ['distribution', 'RFM_Distribution', 'A40:D45'],
      ['segmentMedians', 'RFM_Segment_Medians', 'A49:E57'],
    ]);
    const ws = mem.workbook.sheet('RFM summary');
    // titles above the tables; each table holds exactly the block's headers and cells
    expect(ws.getValue('A1')).toBe('Customers by grade');
    expect(ws.formatOf('A1').bold).toBe(true);
    expect(mem.workbook.tables().filter((x) => x.sheet === 'RFM summary').map((x) => [x.name, x.style, x.columns.length])).toEqual(
      blocks.map((b, i) => [result.tables[i].name, 'TableStyleMedium2', b.headers.length]),
    );
    result.tables.forEach((info, i) => {
      const values = ws.getValues(info.address);
      expect(values[0]).toEqual(blocks[i].headers);
      expect(values.slice(1)).toEqual(blocks[i].rows.map((r) => r.map((v) => (v === null ? '' : v))));
    });
    // the grade rows add up to the whole
    const grades = ws.getValues('C3:C6').flat() as number[];
    expect(grades.reduce((a, b) => a + b, 0)).toBe(scored.result.n);
    const shares = ws.getValues('I11:I18').flat() as number[];
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    // number formats: shares 0.0%, means and totals 0.00
    expect(['D3', 'I3', 'D11', 'I18'].map((a) => ws.numberFormatOf(a))).toEqual(['0.0%', '0.0%', '0.0%', '0.0%']);
    expect(['E3', 'G6', 'H11', 'B32'].map((a) => ws.numberFormatOf(a))).toEqual(['0.00', '0.00', '0.00', '0.00']);
    expect(ws.numberFormatOf('C3')).toBe('General');

    // a colour scale on each matrix' numbers (not its row labels)
    const scales = ws.conditionalFormats().filter((c) => c.type === 'ColorScale');
    expect(scales.map((c) => c.address).sort()).toEqual(['B23:F27', 'B32:F36']);
    expect(scales[0].rule.criteria).toEqual({
      minimum: { type: 'LowestValue', formula: null, color: '#FFFFFF' },
      maximum: { type: 'HighestValue', formula: null, color: '#63BE7B' },
    });

    // native charts right of the tables, one under the other, plotting the tables' own cells
    const charts = ws.charts();
    expect(charts.map((c) => [c.name, c.type, c.title])).toEqual([
      ['RFM_GradeChart', 'ColumnClustered', 'Customers by grade'],
      ['RFM_SegmentChart', 'BarClustered', 'Customers and M by segment'],
      ['RFM_ScoreChart', 'ColumnClustered', 'Score distribution'],
    ]);
    expect(charts.map((c) => c.cells)).toEqual(['K1:R16', 'K19:R34', 'K37:R52']);
    const [gradeChart, segmentChart, scoreChart] = charts;
    expect(gradeChart.series).toHaveLength(1);
    expect(gradeChart.series[0]).toMatchObject({ name: 'Customers', values: "='RFM summary'!$C$3:$C$6", categories: "='RFM summary'!$A$3:$A$6" });
    expect(gradeChart.series[0].valueData).toEqual([...scored.result.gradeCounts]);
    expect(gradeChart.series[0].categoryData).toEqual(['A', 'B', 'C', 'D']);
    expect(gradeChart.legend.visible).toBe(false);
    expect(segmentChart.series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ['Share of customers', "='RFM summary'!$D$11:$D$18", "='RFM summary'!$A$11:$A$18"],
      ['Share of M', "='RFM summary'!$I$11:$I$18", "='RFM summary'!$A$11:$A$18"],
    ]);
    expect(segmentChart.series[0].categoryData[0]).toBe('Important value');
    expect(segmentChart.axes.value.numberFormat).toBe('0%');
    expect(segmentChart.axes.category.reversePlotOrder).toBe(true);
    expect(scoreChart.series.map((s) => s.name)).toEqual(['R score', 'F score', 'M score']);
    expect(scoreChart.series.every((s) => s.categories === "='RFM summary'!$A$41:$A$45")).toBe(true);
    expect(scoreChart.series[2].valueData.reduce((a, b) => Number(a) + Number(b), 0)).toBe(scored.result.n);
    // the charts do not cover any table
    const used = ws.usedRange(true);
    expect(used).toBe('A1:I57');

    // column widths: labels, suggested actions, numbers
    expect([ws.columnWidth('A'), ws.columnWidth('B'), ws.columnWidth('C')]).toEqual([130, 300, 72]);
  });

  test('never overwrites: a second summary goes to "RFM summary (2)" with its own table names; Chinese names', async () => {
    const mem = customers(50);
    await mem.workbook.select('客户', 'A:E');
    const { scored } = await run(mem, 'zh');
    const first = await createSummarySheet(mem.Excel, scored, defaultScheme(), 'zh');
    expect(first.sheet).toBe('RFM汇总');
    expect(first.tables.map((x) => x.kind)).toEqual(['grades', 'heatmapCount', 'heatmapMeanM', 'distribution']);
    expect(first.charts.map((c) => c.title)).toEqual(['各等级客户数', '得分分布']);
    const ws = mem.workbook.sheet('RFM汇总');
    expect(ws.getValues('A2:B3')).toEqual([['客户等级', '回访周期'], ['A', '每月']]);
    expect(ws.columnWidth('B')).toBe(90);
    const second = await createSummarySheet(mem.Excel, scored, defaultScheme(), 'zh');
    expect(second.sheet).toBe('RFM汇总 (2)');
    expect(second.tables.map((x) => x.name)).toEqual(['RFM_Grades_2', 'RFM_RxF_Customers_2', 'RFM_RxF_MeanM_2', 'RFM_Distribution_2']);
    expect(mem.workbook.sheetNames()).toEqual(['Sheet1', '客户', 'RFM汇总', 'RFM汇总 (2)']);
    // the first summary is untouched
    expect(mem.workbook.sheet('RFM汇总').charts()).toHaveLength(2);
  });

  test('user follow-up labels are the ones in the grade table', async () => {
    const mem = customers(40);
    await mem.workbook.select('客户', 'A:E');
    const { scored } = await run(mem, 'zh', INSIGHT);
    await createSummarySheet(mem.Excel, scored, defaultScheme(), 'zh', INSIGHT.followUp);
    expect(mem.workbook.sheet('RFM汇总').getValues('B3:B6').flat()).toEqual(INSIGHT.followUp);
  });

  test('a summary too large for one request is refused before anything is written', async () => {
    const rows: (string | number)[][] = [['R', 'F', 'M']];
    for (let i = 0; i < 170_000; i++) rows.push([i % 365, (i % 7) + 1, i + 0.123456789]);
    const scheme = { ...defaultScheme(), methods: { ...defaultScheme().methods, m: parseMethodText('m', 'raw') } };
    const scored = scoreRows(rows, {}, scheme, 'en');
    const mem = book();
    const before = mem.workbook.sheetNames();
    const error = await createSummarySheet(mem.Excel, scored, scheme, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RfmError);
    expect((error as RfmError).key).toBe('paneInsight.summary.tooLarge');
    expect(mem.workbook.sheetNames()).toEqual(before);
    expect(mem.log.syncs).toHaveLength(0);
  });
});
