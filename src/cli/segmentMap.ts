/**
 * Segment maps on the command line (docs/segments.md): `--segment-map NAME|FILE.json` picks the map
 * of the Segment column, `--print-segment-map NAME` writes a preset's JSON to start an own map from,
 * `--check-segment-map NAME|FILE.json` prints the gap / overlap check on the scheme's scores.
 */
import { readFileSync } from 'node:fs';
import {
  checkSegmentMap,
  describeMapCheck,
  isDefaultSegmentMap,
  mapCheckSummary,
  mapDomain,
  parseSegmentMapText,
  RfmError,
  SEGMENT_MAP_PRESETS,
  segmentMapJson,
  segmentMapPreset,
  type Scheme,
  type SegmentMap,
  type SegmentMapPreset,
} from '../core';
import { t, type Lang } from '../i18n';
import { quote } from '../i18n/format';
import type { ParsedArgs } from './options';
import { schemeOf } from './options';

function isPreset(spec: string): spec is SegmentMapPreset {
  return (SEGMENT_MAP_PRESETS as readonly string[]).includes(spec);
}

/** A preset by name, or a map file (validated: one line naming the file and the place on a problem). */
export function loadSegmentMap(spec: string): SegmentMap {
  if (isPreset(spec)) return segmentMapPreset(spec);
  if (!/\.json$/i.test(spec)) throw new RfmError('segmap.unknown', { value: spec, presets: [...SEGMENT_MAP_PRESETS] });
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new RfmError('segmap.unreadable', { file: spec, detail: e.code ?? e.message });
  }
  return parseSegmentMapText(text, spec);
}

/** The map of --segment-map; undefined for the eight segments, so such a run is the same as one without it. */
export function segmentMapOption(spec: string | undefined): SegmentMap | undefined {
  if (spec === undefined) return undefined;
  const map = loadSegmentMap(spec);
  return isDefaultSegmentMap(map) ? undefined : map;
}

/** The check of a map on a scheme's scores, as the lines `--check-segment-map` prints. */
export function checkReport(map: SegmentMap, scheme: Scheme, name: string, lang: Lang): string[] {
  const domain = mapDomain(map, scheme);
  const check = checkSegmentMap(map, domain);
  const quoted = quote(lang, name);
  const lines = describeMapCheck(map, check, lang);
  if (!lines.length) return [t(lang, 'segmap.checkOk', { name: quoted })];
  const where = map.kind === 'highLow' ? t(lang, 'segmap.domainHighLow') : t(lang, 'segmap.domainScores', domain);
  return [t(lang, 'segmap.checkHead', { name: quoted, domain: where }), ...lines.map((l) => `  ${l}`)];
}

/** The one warning line a run prints for its map (none for a map without gaps, overlaps or unused rules). */
export function mapWarnings(map: SegmentMap | undefined, scheme: Scheme, lang: Lang): string[] {
  if (!map) return [];
  const text = mapCheckSummary(map, checkSegmentMap(map, mapDomain(map, scheme)), lang);
  return text ? [t(lang, 'cli.report.warning', { text })] : [];
}

/** `--print-segment-map NAME` and `--check-segment-map NAME|FILE` (with the scoring options for the scores). */
export function runSegmentMapCommand(args: ParsedArgs, lang: Lang, out: (line: string) => void): void {
  const v = args.values;
  const print = v['print-segment-map'];
  if (print !== undefined) {
    out(segmentMapJson(loadSegmentMap(print)).trimEnd());
    return;
  }
  const spec = v['check-segment-map']!;
  const map = loadSegmentMap(spec);
  const name = isPreset(spec) ? t(lang, `segmap.presetName.${spec}`) : spec;
  for (const line of checkReport(map, schemeOf(v), name, lang)) out(line);
}
