/**
 * Every scheme option the SQL must reproduce (docs/sql.md): the defaults, each tie policy, other
 * bin counts, breaks and raw per metric, additive and weighted composites with awkward decimals,
 * decimal thresholds, the presets, segments (mean/median × scores/values), follow-up labels in both
 * languages, and a frozen scale from an earlier table.
 */
import { defaultScheme, preset, scaleOf, scoreTable, segmentMapPreset, type MetricMethod, type Scheme, type SegmentOptions } from '../../../src/core';
import { schemeSummary } from '../../../src/core/sql';
import { makeTable, rng, type Case, type TestTable } from './helpers';

const s = (over: Partial<Scheme>): Scheme => ({ ...defaultScheme(), ...over });

export interface NamedCase extends Case {
  name: string;
  table: TestTable;
}

export function cases(): NamedCase[] {
  const list: NamedCase[] = [];
  const add = (name: string, c: Case, seed: number, rows = 250, kind: 'text' | 'typed' = 'text') =>
    list.push({ name, ...c, table: makeTable(seed, rows, kind) });

  add('ties average (default)', { scheme: defaultScheme() }, 11);
  add('ties min', { scheme: s({ ties: 'min' }) }, 12);
  add('ties first (row order = ID)', { scheme: s({ ties: 'first' }) }, 13);
  add('bins 3', { scheme: s({ bins: 3 }) }, 14, 97);
  add('bins 10, ties min', { scheme: s({ bins: 10, ties: 'min' }) }, 15, 203);
  add('bins 7, ties first, typed columns', { scheme: s({ bins: 7, ties: 'first' }) }, 16, 150, 'typed');
  add('breaks on every metric (template preset)', { scheme: preset('template') }, 17);
  add('breaks with decimal cut-offs', {
    scheme: s({ methods: { r: { kind: 'breaks', cutoffs: [0.5, 3, 60.5] }, f: { kind: 'quintile' }, m: { kind: 'breaks', cutoffs: [0.15, 99.9, 1999.99] } }, grades: [{ label: 'Top', min: '2.7' }, { label: 'Rest', min: null }] }),
  }, 18);
  add('raw F, additive (Maoming preset)', { scheme: preset('maoming') }, 19);
  add('raw M with decimals, weighted 0.35/0.35/0.3', {
    scheme: s({ weights: ['0.35', '0.35', '0.3'], methods: { r: { kind: 'quintile' }, f: { kind: 'quintile' }, m: { kind: 'raw' } }, grades: [{ label: 'A', min: '300' }, { label: 'B', min: '2' }, { label: 'C', min: null }] }),
  }, 20);
  add('raw everywhere, additive', {
    scheme: s({ variant: 'additive', methods: { r: { kind: 'raw' }, f: { kind: 'raw' }, m: { kind: 'raw' } }, grades: [{ label: 'A', min: '1000.5' }, { label: 'B', min: '100.05' }, { label: 'C', min: null }] }),
  }, 21);
  add('weights 0.35/0.35/0.3 at threshold 2 (exact)', { scheme: s({ weights: ['0.35', '0.35', '0.3'] }) }, 22);
  add('weights 0.7/0.2/0.1, thresholds with more decimals than the weights', {
    scheme: s({ weights: ['0.7', '0.2', '0.1'], grades: [{ label: 'A', min: '4.25' }, { label: 'B', min: '3.125' }, { label: 'C', min: '2.0001' }, { label: 'D', min: '1.5' }, { label: 'E', min: null }] }),
  }, 23);
  add('additive quintiles, grades 12/9/6', { scheme: s({ variant: 'additive', grades: [{ label: 'A', min: '12' }, { label: 'B', min: '9' }, { label: 'C', min: '6' }, { label: 'D', min: null }] }) }, 24);
  add("labels with quotes and Chinese text", { scheme: s({ grades: [{ label: "O'Neil \\ A", min: '4' }, { label: '重要', min: '3' }, { label: 'x"y', min: null }] }), followUp: ["it's weekly", '每月', 'never'] }, 25);
  add('segments: mean of scores, follow-up', { scheme: defaultScheme(), segments: {}, followUp: true }, 26);
  add('segments: median of scores', { scheme: defaultScheme(), segments: { reference: 'median' } }, 27, 120);
  add('segments: median of scores, odd n', { scheme: defaultScheme(), segments: { reference: 'median' } }, 28, 121);
  add('segments: mean of values', { scheme: defaultScheme(), segments: { basis: 'values' } }, 29);
  add('segments: median of values, raw F', { scheme: preset('maoming'), segments: { reference: 'median', basis: 'values' } }, 30);
  add('segments and follow-up in Chinese', { scheme: defaultScheme(), segments: {}, followUp: true, lang: 'zh' }, 31);
  add('one row only', { scheme: defaultScheme() }, 32, 1);
  // Segment maps (docs/segments.md): score ranges with Others, and high/low rules with "any" and a gap.
  add('segment map rfm10 (score ranges, first match, Others)', { scheme: defaultScheme(), segments: { map: segmentMapPreset('rfm10') } }, 33);
  add('segment map rfm10 on breaks (template preset), in Chinese', { scheme: preset('template'), segments: { map: segmentMapPreset('rfm10') }, lang: 'zh' }, 34);
  add('segment map high/low with "any" and a gap, median', {
    scheme: defaultScheme(),
    segments: {
      reference: 'median',
      map: {
        kind: 'highLow',
        segments: [
          { name: { en: 'Best', zh: '最佳' }, r: 'high', f: 'any', m: 'high' },
          { name: { en: 'Rest' }, r: 'low', f: 'any', m: 'any' },
        ],
      },
    },
  }, 35);

  // Nested binning (docs/binning.md): F within each R score, M within each R and F score.
  add('nested, ties average', { scheme: s({ binning: 'nested' }) }, 51);
  add('nested, ties first (row order = ID)', { scheme: s({ binning: 'nested', ties: 'first' }) }, 52);
  add('nested, bins 3, ties min', { scheme: s({ binning: 'nested', bins: 3, ties: 'min' }) }, 53, 97);
  add('nested, bins 10 (groups smaller than k)', { scheme: s({ binning: 'nested', bins: 10 }) }, 54, 120);
  add('nested in R cut-offs, raw M', {
    scheme: s({ binning: 'nested', methods: { r: { kind: 'breaks', cutoffs: [3, 30, 90] }, f: { kind: 'quintile' }, m: { kind: 'raw' } } }),
  }, 55);
  add('nested in raw R values, segments', { scheme: s({ binning: 'nested', methods: { r: { kind: 'raw' }, f: { kind: 'quintile' }, m: { kind: 'quintile' } } }), segments: {} }, 56);

  // A frozen scale: the cut values of an earlier table score a later one (docs/periods.md).
  for (const ties of ['average', 'first'] as const) {
    const scheme = s({ ties });
    const earlier = makeTable(40, 200);
    const result = scoreTable({ r: earlier.r, f: earlier.f, m: earlier.m }, scheme);
    const scale = scaleOf(result, scheme);
    add(`frozen scale (ties ${ties})`, { scheme, scale }, 41, 230);
  }
  {
    const scheme = s({ methods: { r: { kind: 'quintile' }, f: { kind: 'raw' }, m: { kind: 'breaks', cutoffs: [100, 1000, 5000] } } });
    const earlier = makeTable(42, 100);
    const scale = scaleOf(scoreTable({ r: earlier.r, f: earlier.f, m: earlier.m }, scheme), scheme);
    add('frozen scale, R only quintile', { scheme, scale }, 43);
  }
  return list;
}

/**
 * Random schemes (seeded): each metric quintile, breaks or raw; bins 2–12; any tie policy; weights
 * with one to three decimals adding up to exactly 1, or additive; three to five grades with decimal
 * thresholds inside the composite's range; segments and follow-up on or off.
 */
export function randomCases(count: number, seed: number): NamedCase[] {
  const next = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const out: NamedCase[] = [];
  for (let i = 0; i < count; i++) {
    const bins = int(2, 12);
    const method = (m: 'r' | 'f' | 'm'): MetricMethod => {
      const kind = pick(['quintile', 'quintile', 'breaks', 'raw'] as const);
      if (kind !== 'breaks') return { kind };
      const pool = { r: [0.5, 3, 30, 60, 90, 180], f: [1, 2, 2.5, 5, 10], m: [0.2, 99.9, 1000, 5000] }[m];
      const cut = [...new Set(pool.filter(() => next() < 0.6))].sort((a, b) => a - b);
      return { kind: 'breaks', cutoffs: cut.length ? cut : [pool[0]] };
    };
    const methods = { r: method('r'), f: method('f'), m: method('m') };
    const additive = next() < 0.25;
    const scale = pick([10, 100, 1000]);
    const a = int(1, scale - 2);
    const b = int(1, scale - a - 1);
    const weights = [a, b, scale - a - b].map((w) => String(w / scale)) as [string, string, string];
    const top = additive ? 3 * bins : bins;
    const n = int(2, 4);
    const thresholds = Array.from({ length: n }, () => (next() * top).toFixed(int(0, 3)))
      .map(Number)
      .sort((x, y) => y - x)
      .filter((x, j, xs) => j === 0 || x < xs[j - 1]);
    const grades = [...thresholds.map((t, j) => ({ label: `G${j}`, min: String(t) })), { label: 'Last', min: null }];
    const scheme: Scheme = {
      ...defaultScheme(),
      variant: additive ? 'additive' : 'weighted',
      weights,
      methods,
      bins,
      ties: pick(['average', 'min', 'first'] as const),
      grades,
    };
    const segments: SegmentOptions | undefined = next() < 0.5 ? { reference: pick(['mean', 'median'] as const), basis: pick(['scores', 'values'] as const) } : undefined;
    out.push({
      name: `random scheme ${i + 1}: ${schemeSummary(scheme)}${segments ? `; segments ${segments.reference} of ${segments.basis}` : ''}`,
      scheme,
      segments,
      followUp: next() < 0.5,
      table: makeTable(seed * 1000 + i, int(1, 180), next() < 0.3 ? 'typed' : 'text'),
    });
  }
  return out;
}

/** The random schemes above with nested binning (docs/binning.md). */
export function nestedRandomCases(count: number, seed: number): NamedCase[] {
  return randomCases(count, seed).map((c) => {
    const scheme: Scheme = { ...c.scheme, binning: 'nested' };
    return { ...c, scheme, name: c.name.replace(/^random scheme/, 'random nested scheme').replace(schemeSummary(c.scheme), schemeSummary(scheme)) };
  });
}
