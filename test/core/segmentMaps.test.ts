/**
 * Segment maps (docs/segments.md): presets, reading a map file, the gap / overlap check, and the
 * Segment column and summary with a map. Every expected value is worked out by hand in the comments.
 */
import {
  checkSegmentMap,
  defaultScheme,
  describeMapCheck,
  formulaSheet,
  isDefaultSegmentMap,
  matchTable,
  outputTable,
  parseSegmentMap,
  parseSegmentMapText,
  RfmError,
  ruleBoxes,
  scoreRows,
  scoreTable,
  segmentMapJson,
  segmentMapPreset,
  segmentNames,
  segmentTable,
  summarize,
  type SegmentMap,
} from '../../src/core';

const ranges = (segments: Array<[string, [number, number], [number, number], [number, number]]>): SegmentMap => ({
  kind: 'ranges',
  segments: segments.map(([name, r, f, m]) => ({ name: { en: name }, r, f, m })),
});

// Map A on three scores per metric (27 combinations):
//   Top  R 3,   F 2–3, M 2–3
//   Mid  R 2–3, F 1–3, M 2
//   Low  R 1,   F 1–3, M 1–3
// R = 1: all nine are Low's. R = 2: Mid takes (2, f, 2) for f = 1..3; (2, f, 1) and (2, f, 3) are
// uncovered (6). R = 3: Top takes F 2–3 × M 2–3 (4), Mid adds (3, 1, 2); uncovered (3,1,1), (3,2,1),
// (3,3,1), (3,1,3) (4). Ten uncovered in all.
// Boxes, walking R, F, M ascending: (2,1,1) grows along M not at all ((2,1,2) is Mid's), along F to 3,
// along R to 3 ((3,1..3,1) all uncovered) → R 2–3, F 1–3, M 1 (6 combinations). Next (2,1,3): M stays
// 3, F grows to 3, R cannot grow ((3,2,3) is Top's) → R 2, F 1–3, M 3 (3). Last (3,1,3) alone (1).
// Overlaps: Top ∩ Mid = R 3, F 2–3, M 2 (e.g. 3,2,2); Low shares no R with either.
const mapA = ranges([
  ['Top', [3, 3], [2, 3], [2, 3]],
  ['Mid', [2, 3], [1, 3], [2, 2]],
  ['Low', [1, 1], [1, 3], [1, 3]],
]);
const k3 = { r: 3, f: 3, m: 3 };

describe('checkSegmentMap: a map with known gaps and an overlap', () => {
  const check = checkSegmentMap(mapA, k3);

  test('ten combinations uncovered, as three boxes', () => {
    expect(check.uncovered).toBe(10);
    expect(check.gaps).toEqual([
      { r: [2, 3], f: [1, 3], m: [1, 1] },
      { r: [2, 2], f: [1, 3], m: [3, 3] },
      { r: [3, 3], f: [1, 1], m: [3, 3] },
    ]);
  });

  test('Top and Mid overlap on R 3, F 2–3, M 2; every rule applies somewhere', () => {
    expect(check.overlaps).toEqual([{ a: 0, b: 1, box: { r: [3, 3], f: [2, 3], m: [2, 2] }, example: [3, 2, 2] }]);
    expect(check.unreachable).toEqual([]);
  });

  test('the report in both languages', () => {
    expect(describeMapCheck(mapA, check, 'en')).toEqual([
      '10 score combinations match no rule and go to "Others": R 2–3, F 1–3, M 1; R 2, F 1–3, M 3; R 3, F 1, M 3',
      '"Top" and "Mid" overlap on R 3, F 2–3, M 2 (e.g. R 3, F 2, M 2); there the first, "Top", applies',
    ]);
    expect(describeMapCheck(mapA, check, 'zh')[0]).toBe(
      '有10种得分组合不符合任何规则，归入“其他客户”：R值2–3，F值1–3，M值1；R值2，F值1–3，M值3；R值3，F值1，M值3',
    );
  });

  test('first match: (3,2,2) is Top, (3,1,2) is Mid, (3,1,1) is Others (index 3)', () => {
    const table = matchTable(ruleBoxes(mapA), k3);
    const at = (r: number, f: number, m: number) => table[(r - 1) * 9 + (f - 1) * 3 + (m - 1)];
    expect([at(3, 2, 2), at(3, 1, 2), at(3, 1, 1), at(1, 3, 3)]).toEqual([0, 1, 3, 2]);
  });
});

describe('checkSegmentMap: rules that never apply', () => {
  test('a rule inside an earlier one: overlap and never applies; no gap', () => {
    // All covers the eight combinations of two scores; Never (2,2,2) is inside it.
    const map = ranges([
      ['All', [1, 2], [1, 2], [1, 2]],
      ['Never', [2, 2], [2, 2], [2, 2]],
    ]);
    const check = checkSegmentMap(map, { r: 2, f: 2, m: 2 });
    expect(check.uncovered).toBe(0);
    expect(check.gaps).toEqual([]);
    expect(check.overlaps).toEqual([{ a: 0, b: 1, box: { r: [2, 2], f: [2, 2], m: [2, 2] }, example: [2, 2, 2] }]);
    expect(check.unreachable).toEqual([1]);
    expect(describeMapCheck(map, check, 'en')[1]).toBe('"Never" never applies: earlier rules take every combination it covers');
  });

  test('a rule beyond the scores (R 4–5 with three bins) never applies and overlaps nothing', () => {
    const map = ranges([
      ['All', [1, 3], [1, 3], [1, 3]],
      ['High', [4, 5], [1, 3], [1, 3]],
    ]);
    const check = checkSegmentMap(map, k3);
    expect(check.overlaps).toEqual([]);
    expect(check.unreachable).toEqual([]);
    expect(check.outside).toEqual([1]);
    expect(describeMapCheck(map, check, 'en')).toEqual(['"High" never applies: its ranges lie outside the scores (R 1–3, F 1–3, M 1–3)']);
  });
});

describe('high/low maps', () => {
  test('the eight-segment preset covers every combination once', () => {
    const check = checkSegmentMap(segmentMapPreset('china8'));
    expect(check).toMatchObject({ uncovered: 0, gaps: [], overlaps: [], unreachable: [], outside: [] });
  });

  test('"any" rules: a gap named in high/low words', () => {
    // Best: R high, M high (F any) → (2,1,2), (2,2,2). Rest: R low → the four (1,·,·).
    // Left: R high, M low, F either → one box R high, F any, M low.
    const map: SegmentMap = {
      kind: 'highLow',
      segments: [
        { name: { en: 'Best', zh: '最佳' }, r: 'high', f: 'any', m: 'high' },
        { name: { en: 'Rest', zh: '其余' }, r: 'low', f: 'any', m: 'any' },
      ],
    };
    const check = checkSegmentMap(map);
    expect(check.uncovered).toBe(2);
    expect(check.gaps).toEqual([{ r: [2, 2], f: [1, 2], m: [1, 1] }]);
    expect(describeMapCheck(map, check, 'en')).toEqual([
      '2 score combinations match no rule and go to "Others": R high, F any, M low',
    ]);
    expect(describeMapCheck(map, check, 'zh')).toEqual(['有2种得分组合不符合任何规则，归入“其他客户”：R值高，F值任意，M值低']);
  });
});

describe('the rfm10 preset (R rfm package ranges) on five scores', () => {
  const map = segmentMapPreset('rfm10');
  const k5 = { r: 5, f: 5, m: 5 };
  const check = checkSegmentMap(map, k5);

  test('ten segments, Others last, in both languages', () => {
    expect(segmentNames(map, 'en')).toEqual([
      'Champions',
      'Loyal Customers',
      'Potential Loyalist',
      'New Customers',
      'Promising',
      'Need Attention',
      'About To Sleep',
      'At Risk',
      "Can't Lose Them",
      'Lost',
      'Others',
    ]);
    expect(segmentNames(map, 'zh')[0]).toBe('冠军客户');
    expect(segmentNames(map, 'zh')[10]).toBe('其他客户');
  });

  test('first match hides three rules inside earlier ones', () => {
    // New Customers (R 4–5, F 1, M 1) and Promising (R 3–4, F 1, M 1) lie inside Potential Loyalist
    // (R 3–5, F 1–3, M 1–3); Can't Lose Them (R 1, F 4–5, M 4–5) inside At Risk (R 1–2, F 2–5, M 2–5).
    expect(check.unreachable).toEqual([3, 4, 8]);
  });

  test('Champions and Loyal Customers overlap on R 4–5, F 4–5, M 4–5', () => {
    expect(check.overlaps[0]).toEqual({ a: 0, b: 1, box: { r: [4, 5], f: [4, 5], m: [4, 5] }, example: [4, 4, 4] });
  });

  test('(1,1,3) and (5,1,5) match no rule; (5,5,5) is Champions; (2,1,1) About To Sleep', () => {
    // (1,1,3): Loyal needs R ≥ 2, At Risk F ≥ 2, Lost M ≤ 2. (5,1,5): Champions F ≥ 4, Loyal F ≥ 3,
    // Potential Loyalist M ≤ 3, New Customers M = 1, the rest R ≤ 4.
    const table = matchTable(ruleBoxes(map), k5);
    const at = (r: number, f: number, m: number) => table[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];
    expect([at(1, 1, 3), at(5, 1, 5), at(5, 5, 5), at(2, 1, 1)]).toEqual([10, 10, 0, 6]);
    expect(check.uncovered).toBeGreaterThan(0);
  });
});

// Five customers, default scheme: scores a 5,5,5; b 4,3,4; c 3,4,3; d 2,1,2; e 1,3,1 (test/insight/segments.test.ts).
const R = [5, 10, 20, 40, 80];
const F = [3, 1, 2, 0, 1];
const M = [500, 400, 300, 200, 100];

describe('the Segment column with the rfm10 map', () => {
  const scheme = defaultScheme();
  const result = scoreTable({ r: R, f: F, m: M }, scheme);
  const map = segmentMapPreset('rfm10');
  const seg = segmentTable(result, { map }, scheme);

  test('first match per customer, Others for an uncovered one', () => {
    // a 5,5,5 Champions. b 4,3,4: Champions needs F ≥ 4; Loyal (R 2–5, F 3–5, M 3–5) yes.
    // c 3,4,3: Champions needs R ≥ 4; Loyal yes. d 2,1,2: first About To Sleep (R 2–3, F 1–2, M 1–2).
    // e 1,3,1: At Risk needs M ≥ 2, Lost F ≤ 2, nothing else has R 1 → Others.
    expect([...seg.segment]).toEqual([0, 1, 1, 6, 10]);
    expect(seg.counts).toEqual([1, 2, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(seg.others).toBe(true);
    const out = outputTable(result, scheme, 'en', { segments: seg });
    expect([0, 1, 2, 3, 4].map((row) => out.cell(row, 5))).toEqual(['Champions', 'Loyal Customers', 'Loyal Customers', 'About To Sleep', 'Others']);
  });

  test('summary rows follow the map, Others last, and add up', () => {
    const summary = summarize(result, scheme, seg);
    expect(summary.segments!.map((s) => [s.names.zh, s.count])).toEqual([
      ['冠军客户', 1],
      ['忠诚客户', 2],
      ['潜在忠诚客户', 0],
      ['新客户', 0],
      ['有潜力客户', 0],
      ['需要关注客户', 0],
      ['即将沉睡客户', 1],
      ['有流失风险客户', 0],
      ['不能失去的客户', 0],
      ['已流失客户', 0],
      ['其他客户', 1],
    ]);
    expect(summary.segments![10].segment).toBe('others');
  });

  test('a score-range map needs scores: a raw metric is refused', () => {
    const raw = { ...scheme, methods: { ...scheme.methods, f: { kind: 'raw' as const } } };
    const r2 = scoreTable({ r: R, f: F, m: M }, raw);
    expect(() => segmentTable(r2, { map }, raw)).toThrow(RfmError);
  });

  test('renamed high/low segments: same customers, new names', () => {
    const china = segmentMapPreset('china8');
    const renamed: SegmentMap = { ...china, segments: china.segments.map((s, i) => ({ ...s, name: i === 0 ? { zh: '重要换回' } : s.name })) } as SegmentMap;
    const rows = [['R', 'F', 'M'], ...R.map((r, i) => [r, F[i], M[i]])];
    const zh = scoreRows(rows, {}, scheme, 'zh', { segments: { map: renamed } });
    // a and c are important value (test/insight/segments.test.ts), now named 重要换回; English falls back to it.
    expect(zh.output.cell(0, 5)).toBe('重要换回');
    expect(zh.output.cell(2, 5)).toBe('重要换回');
    expect(zh.output.cell(3, 5)).toBe('一般挽留客户');
    expect(segmentNames(renamed, 'en')[0]).toBe('重要换回');
  });
});

describe('the map file', () => {
  test('the china8 preset is the default map; rfm10 is not', () => {
    expect(isDefaultSegmentMap(undefined)).toBe(true);
    expect(isDefaultSegmentMap(segmentMapPreset('china8'))).toBe(true);
    expect(isDefaultSegmentMap(segmentMapPreset('rfm10'))).toBe(false);
  });

  test('a printed preset reads back as the same map', () => {
    for (const id of ['china8', 'rfm10'] as const) {
      const map = segmentMapPreset(id);
      expect(parseSegmentMapText(segmentMapJson(map), 'x.json')).toEqual(map);
    }
  });

  test('a name may be one text, a range one score', () => {
    const map = parseSegmentMap({ kind: 'ranges', segments: [{ name: 'VIP', r: 5, f: [4, 5], m: [4, 5] }] }, 'm.json');
    expect(map.segments[0]).toEqual({ name: { en: 'VIP', zh: 'VIP' }, r: [5, 5], f: [4, 5], m: [4, 5] });
  });

  const problem = (json: unknown) => {
    try {
      parseSegmentMap(json, 'm.json');
    } catch (err) {
      return (err as RfmError).localized('en');
    }
    return 'no error';
  };

  test.each([
    [{ kind: 'boxes', segments: [] }, 'Segment map m.json: "kind" is "boxes"; use "highLow" or "ranges".'],
    [{ kind: 'ranges', segments: [{ name: 'A', r: [5, 4], f: 1, m: 1 }] }, 'Segment map m.json: segments[1].r goes from 5 down to 4; give the lower score first.'],
    [{ kind: 'ranges', segments: [{ name: 'A', r: [1, 2.5], f: 1, m: 1 }] }, 'Segment map m.json: segments[1].r must be a score range [lower, upper] of whole numbers from 1 to 100.'],
    [{ kind: 'highLow', segments: [{ name: 'A', r: 'top', f: 'any', m: 'any' }] }, 'Segment map m.json: segments[1].r is "top"; use "high", "low" or "any".'],
    [
      { kind: 'ranges', segments: [{ name: 'A', r: 1, f: 1, m: 1 }, { name: { en: 'A', zh: '乙' }, r: 2, f: 2, m: 2 }] },
      'Segment map m.json: segments[2].name "A" is already the name of segment 1; names must differ.',
    ],
    [{ kind: 'ranges', segments: [{ name: ' ', r: 1, f: 1, m: 1 }] }, 'Segment map m.json: segments[1].name must be a name (text, or {"en": …, "zh": …}).'],
  ])('%j → one line naming the place', (json, message) => {
    expect(problem(json)).toBe(message);
  });

  test('not JSON', () => {
    expect(() => parseSegmentMapText('{kind:', 'm.json')).toThrow(/Segment map m.json is not valid JSON/);
  });
});

describe('formula mode with a segment map', () => {
  const layout = { sheetName: 'Customers', paramSheetName: 'RFM parameters', columns: { r: 0, f: 1, m: 2 }, dataRows: [1, 2], startColumn: 3 };

  test('a high/low map labels each of the eight combinations with its first matching rule', () => {
    // Best: R high, M high (F any); Rest: R low. The label table's rows follow SEGMENTS order
    // (index 4·M low + 2·R low + F low): hhh Best, h l h Best, l h h Rest, l l h Rest,
    // h h l Others, h l l Others, l h l Rest, l l l Rest.
    const map: SegmentMap = {
      kind: 'highLow',
      segments: [
        { name: { en: 'Best' }, r: 'high', f: 'any', m: 'high' },
        { name: { en: 'Rest' }, r: 'low', f: 'any', m: 'any' },
      ],
    };
    const fx = formulaSheet(defaultScheme(), layout, { lang: 'en', segments: { map } });
    const labels = fx.params.filter((p) => p.role === 'input' && p.column === 0).map((p) => p.value);
    const first = labels.indexOf('Best');
    expect(labels.slice(first, first + 8)).toEqual(['Best', 'Best', 'Rest', 'Rest', 'Others', 'Others', 'Rest', 'Rest']);
  });

  test('a score-range map is refused with one line', () => {
    expect(() => formulaSheet(defaultScheme(), layout, { lang: 'zh', segments: { map: segmentMapPreset('rfm10') } })).toThrow(
      expect.objectContaining({ key: 'segmap.formulas' }),
    );
  });
});
