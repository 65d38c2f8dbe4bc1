/**
 * The pane's segment map editor (docs/segments.md), pure: the edits the editor makes to a map, the map
 * a run uses, and the live check. The map lives in the reducer's insight form (`InsightForm.map`,
 * undefined = the eight segments); no React, no Office.
 */
import {
  checkSegmentMap,
  describeMapCheck,
  displayName,
  isDefaultSegmentMap,
  mapDomain,
  normalizeSegmentMap,
  RfmError,
  segmentMapPreset,
  SEGMENT_MAP_PRESETS,
  type HighLowRule,
  type Level,
  type Metric,
  type RangeRule,
  type Scheme,
  type SegmentMap,
  type SegmentMapPreset,
  type SegmentName,
} from '../core';
import { t, type Lang } from '../i18n';

/** Which preset the map is, or 'custom' once edited. */
export function mapChoice(map: SegmentMap | undefined): SegmentMapPreset | 'custom' {
  if (isDefaultSegmentMap(map)) return 'china8';
  const json = JSON.stringify(normalizeSegmentMap(map!));
  return SEGMENT_MAP_PRESETS.find((id) => JSON.stringify(segmentMapPreset(id)) === json) ?? 'custom';
}

/** The map the editor shows (the eight segments when the form has none). */
export function editedMap(map: SegmentMap | undefined): SegmentMap {
  return map ?? segmentMapPreset('china8');
}

type Rule = HighLowRule | RangeRule;

function withSegments(map: SegmentMap, change: (list: Rule[]) => Rule[]): SegmentMap {
  return { ...map, segments: change([...(map.segments as Rule[])]) } as SegmentMap;
}

/** Rename segment `i` in `lang` (the other language keeps its name). */
export function renameSegment(map: SegmentMap, i: number, lang: Lang, name: string): SegmentMap {
  return withSegments(map, (list) => {
    list[i] = { ...list[i], name: { ...list[i].name, [lang]: name } };
    return list;
  });
}

export function renameOthers(map: SegmentMap, lang: Lang, name: string): SegmentMap {
  return { ...map, others: { ...(map.others ?? {}), [lang]: name } };
}

/** Set one end of a score range; the other end follows so the range stays lower ≤ upper. */
export function setRangeEnd(map: SegmentMap, i: number, metric: Metric, end: 0 | 1, value: number): SegmentMap {
  if (map.kind !== 'ranges' || !Number.isInteger(value) || value < 1 || value > 100) return map;
  return withSegments(map, (list) => {
    const rule = { ...(list[i] as RangeRule) };
    const range: [number, number] = [...rule[metric]];
    range[end] = value;
    if (range[0] > range[1]) range[end === 0 ? 1 : 0] = value;
    rule[metric] = range;
    list[i] = rule;
    return list;
  });
}

export function setLevel(map: SegmentMap, i: number, metric: Metric, level: Level): SegmentMap {
  if (map.kind !== 'highLow') return map;
  return withSegments(map, (list) => {
    list[i] = { ...(list[i] as HighLowRule), [metric]: level };
    return list;
  });
}

/** A new last rule: everything (any / the full range), named "Segment N" — narrow it down. */
export function addSegment(map: SegmentMap, scheme: Scheme, lang: Lang): SegmentMap {
  const n = map.segments.length + 1;
  const name: SegmentName = { [lang]: t(lang, 'segmap.newName', { n }) };
  if (map.kind === 'highLow') return { ...map, segments: [...map.segments, { name, r: 'any', f: 'any', m: 'any' }] };
  const k = (metric: Metric): [number, number] => {
    const m = scheme.methods[metric];
    return [1, m.kind === 'breaks' ? m.cutoffs.length + 1 : scheme.bins];
  };
  return { ...map, segments: [...map.segments, { name, r: k('r'), f: k('f'), m: k('m') }] };
}

export function removeSegment(map: SegmentMap, i: number): SegmentMap {
  if (map.segments.length <= 1) return map;
  return withSegments(map, (list) => list.filter((_, j) => j !== i));
}

/** Move rule `i` one up: first match in order, so the order decides the overlaps. */
export function moveUp(map: SegmentMap, i: number): SegmentMap {
  if (i <= 0) return map;
  return withSegments(map, (list) => {
    [list[i - 1], list[i]] = [list[i], list[i - 1]];
    return list;
  });
}

/**
 * The map a preview or run uses (undefined: the eight segments). A name left empty while typing, or
 * typed twice, gets "Segment N" so every customer still gets a distinct segment.
 */
export function runMap(map: SegmentMap | undefined): SegmentMap | undefined {
  if (!map || isDefaultSegmentMap(map)) return undefined;
  const seen = new Set<string>();
  const fixed = withSegments(map, (list) =>
    list.map((rule, i) => {
      const name: SegmentName = {};
      for (const lang of ['en', 'zh'] as Lang[]) {
        let text = displayName(rule.name, lang).trim();
        if (!text || seen.has(`${lang}:${text}`)) text = t(lang, 'segmap.newName', { n: i + 1 });
        seen.add(`${lang}:${text}`);
        name[lang] = text;
      }
      return { ...rule, name };
    }),
  );
  return fixed;
}

/**
 * The live check under the editor: a one-line count and the warning lines, or the problem that stops
 * the map (a raw metric).
 */
export function editorCheck(map: SegmentMap, scheme: Scheme, lang: Lang): { lines: string[]; summary: string; problem?: string } {
  try {
    const check = checkSegmentMap(map, mapDomain(map, scheme));
    const summary = t(lang, 'segmap.paneSummary', {
      uncovered: check.uncovered,
      overlaps: check.overlaps.length,
      never: check.unreachable.length + check.outside.length,
    });
    return { lines: describeMapCheck(map, check, lang), summary };
  } catch (err) {
    if (err instanceof RfmError) return { lines: [], summary: '', problem: err.localized(lang) };
    throw err;
  }
}
