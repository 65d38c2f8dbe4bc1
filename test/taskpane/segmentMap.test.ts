/**
 * The pane's segment map editor (src/taskpane/segmentMap.ts), its place in the reducer and in the saved
 * settings (docs/segments.md). Expected values worked out by hand in the comments.
 */
import { defaultScheme, segmentMapPreset, type SegmentMap } from '../../src/core';
import { parseSettings } from '../../src/excel/settings';
import { insightOptions } from '../../src/taskpane/insight';
import {
  addSegment,
  editorCheck,
  mapChoice,
  moveUp,
  removeSegment,
  renameSegment,
  runMap,
  setLevel,
  setRangeEnd,
} from '../../src/taskpane/segmentMap';
import { initialPaneState, paneReducer, settingsToSave } from '../../src/taskpane/state/pane';

const scheme = defaultScheme();

describe('editing a map', () => {
  test('the preset choice: none and china8 are the eight segments; an edit makes it custom', () => {
    expect(mapChoice(undefined)).toBe('china8');
    expect(mapChoice(segmentMapPreset('rfm10'))).toBe('rfm10');
    expect(mapChoice(renameSegment(segmentMapPreset('rfm10'), 0, 'en', 'Stars'))).toBe('custom');
  });

  test('renaming in one language keeps the other', () => {
    const map = renameSegment(segmentMapPreset('china8'), 3, 'zh', '重要换回');
    expect(map.segments[3].name).toEqual({ en: 'Important win-back', zh: '重要换回' });
    // The preset itself is not changed.
    expect(segmentMapPreset('china8').segments[3].name.zh).toBe('重要挽留客户');
  });

  test('a range end past the other end moves it along, so lower ≤ upper', () => {
    // Champions R 4–5: lower to 5 keeps 5–5; then upper to 3 makes 3–3.
    let map = setRangeEnd(segmentMapPreset('rfm10'), 0, 'r', 0, 5);
    expect(map.segments[0]).toMatchObject({ r: [5, 5] });
    map = setRangeEnd(map, 0, 'r', 1, 3);
    expect(map.segments[0]).toMatchObject({ r: [3, 3] });
    // Not a whole number from 1 to 100 (an emptied input): no change.
    expect(setRangeEnd(map, 0, 'r', 1, 0)).toBe(map);
  });

  test('add, move up, remove', () => {
    // A new last rule covers all five scores of the default scheme.
    let map = addSegment(segmentMapPreset('rfm10'), scheme, 'en');
    expect(map.segments[10]).toEqual({ name: { en: 'Segment 11' }, r: [1, 5], f: [1, 5], m: [1, 5] });
    map = moveUp(map, 10);
    expect(map.segments[9].name.en).toBe('Segment 11');
    map = removeSegment(map, 9);
    expect(map.segments.map((s) => s.name.en)).toEqual(segmentMapPreset('rfm10').segments.map((s) => s.name.en));
  });

  test('the live check: a high/low level change opens a gap', () => {
    // Important value R high, F high, M high → any R: (R low, F high, M high) was important retention's,
    // so now retention never applies and the two overlap; no gap yet.
    const map = setLevel(segmentMapPreset('china8'), 0, 'r', 'any');
    const { lines } = editorCheck(map, scheme, 'en');
    expect(lines).toEqual([
      '"Important value" and "Important retention" overlap on R low, F high, M high (e.g. R low, F high, M high); there the first, "Important value", applies',
      '"Important retention" never applies: earlier rules take every combination it covers',
    ]);
  });

  test('the live check names the problem with a raw metric', () => {
    const raw = { ...scheme, methods: { ...scheme.methods, m: { kind: 'raw' as const } } };
    const { problem } = editorCheck(segmentMapPreset('rfm10'), raw, 'zh');
    expect(problem).toBe('按得分范围分群需要得分：M值按原始值评分，得分范围没有固定含义。请按分档数或分界值为M值评分');
  });
});

describe('the map a run uses', () => {
  test('the eight segments are no map; an emptied name shows the other language, a repeated one "Segment N"', () => {
    expect(runMap(segmentMapPreset('china8'))).toBeUndefined();
    let map: SegmentMap = renameSegment(segmentMapPreset('rfm10'), 1, 'en', '');
    map = renameSegment(map, 2, 'en', 'Champions');
    const run = runMap(map)!;
    expect(run.segments[1].name).toEqual({ en: '忠诚客户', zh: '忠诚客户' });
    expect(run.segments[2].name).toEqual({ en: 'Segment 3', zh: '潜在忠诚客户' });
  });

  test('insightOptions passes the map with the Segment column only', () => {
    const map = segmentMapPreset('rfm10');
    const form = { segments: true, reference: 'mean' as const, basis: 'scores' as const, followUp: false, labels: [], map };
    expect(insightOptions(form, scheme, 'en')?.segments).toEqual({ reference: 'mean', basis: 'scores', map });
    expect(insightOptions({ ...form, segments: false }, scheme, 'en')).toBeUndefined();
  });
});

describe('reducer and saved settings', () => {
  test('the map is part of the insight form, saved and restored', () => {
    const map = renameSegment(segmentMapPreset('rfm10'), 0, 'zh', '明星客户');
    const s1 = paneReducer(initialPaneState('zh'), { type: 'insight', patch: { segments: true, map } });
    expect(s1.insight.map).toBe(map);
    const saved = settingsToSave(s1, { mode: 'table' });
    expect(saved.insight?.map).toEqual(map);
    // Through the workbook's settings (JSON) and back.
    const back = parseSettings(JSON.stringify(saved));
    expect(back?.insight?.map).toEqual(map);
  });

  test('a damaged saved map is left out, the rest restored', () => {
    const saved = settingsToSave(paneReducer(initialPaneState('en'), { type: 'insight', patch: { segments: true } }), { mode: 'table' });
    const damaged = { ...saved, insight: { ...saved.insight, map: { kind: 'ranges', segments: [{ name: 'A', r: [3, 1], f: 1, m: 1 }] } } };
    const back = parseSettings(JSON.stringify(damaged));
    expect(back?.insight?.segments).toBe(true);
    expect(back?.insight?.map).toBeUndefined();
  });
});
