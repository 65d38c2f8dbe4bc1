/**
 * Nested binning (docs/binning.md), as SPSS Statistics offers it beside independent binning:
 * R is scored over every valid customer; F is scored separately within each R bin (the customers
 * with the same R score); M separately within each R × F cell. Within a group the quintile rule is
 * the usual one (SPEC.md 2: score = k − ⌊k(rank − 1)/n⌋) with n the group's size, the same k and the
 * same tie policy. Breaks and raw scores don't depend on who else is scored, so nesting changes
 * nothing for them; they still define the groups the later metrics are nested in.
 *
 * Fast on a million customers (docs/engine.md): the groups are dense ids found by a table lookup on
 * the small integer scores, the rows are bucketed by a stable counting sort on those ids (row order
 * kept inside each group, which ties `first` needs), and each group is ranked by the usual counted or
 * radix path on a contiguous slice — no comparator sort, no object per row.
 */
import { denseKeys } from './rank';
import { quintileScoring, metricScoring, sortedScoring, type MetricScoring, type TieGroup } from './score';
import type { Binning, Metric, MetricMethod, Scheme, TiePolicy } from './types';

export function binningOf(scheme: Scheme): Binning {
  return scheme.binning ?? 'independent';
}

/** The metrics each metric is nested in under nested binning (SPSS's order R → F → M). */
export const NESTED_IN: Record<Metric, readonly Metric[]> = { r: [], f: ['r'], m: ['r', 'f'] };

/** Dense group ids 0..groups−1 for one key column (scores), first-seen order. */
function denseIds(keys: Float64Array): { ids: Int32Array; groups: number } {
  const n = keys.length;
  const ids = new Int32Array(n);
  // Quintile and breaks scores are small integers: a table instead of a Map.
  const small = new Int32Array(128).fill(-1);
  let groups = 0;
  let i = 0;
  for (; i < n; i++) {
    const key = keys[i];
    if (!(key >= 0 && key < 128 && (key | 0) === key)) break;
    let id = small[key];
    if (id < 0) id = small[key] = groups++;
    ids[i] = id;
  }
  if (i === n) return { ids, groups };
  // Raw scores (any number): a Map, seeded with the small keys already seen.
  const map = new Map<number, number>();
  small.forEach((id, key) => {
    if (id >= 0) map.set(key, id);
  });
  for (; i < n; i++) {
    const key = keys[i] === 0 ? 0 : keys[i];
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = groups++));
    ids[i] = id;
  }
  return { ids, groups };
}

/** Up to this many possible pairs the pair ids are renumbered through a table instead of a Map. */
const PAIR_TABLE = 1 << 20;

/** Group ids for the rows from one or more key columns (the earlier metrics' scores). */
export function groupIds(keyColumns: readonly Float64Array[]): { ids: Int32Array; groups: number } {
  let { ids, groups } = denseIds(keyColumns[0]);
  for (let c = 1; c < keyColumns.length; c++) {
    const next = denseIds(keyColumns[c]);
    if (groups * next.groups <= PAIR_TABLE) {
      // Few pairs (score × score): renumber them through a table, first-seen order.
      const table = new Int32Array(groups * next.groups).fill(-1);
      const pairIds = new Int32Array(ids.length);
      let count = 0;
      for (let i = 0; i < ids.length; i++) {
        const p = ids[i] * next.groups + next.ids[i];
        let id = table[p];
        if (id < 0) id = table[p] = count++;
        pairIds[i] = id;
      }
      ids = pairIds;
      groups = count;
      continue;
    }
    // Pair ids combined into one number (< groups · next.groups ≤ n², exact in a double), then made dense.
    const pair = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) pair[i] = ids[i] * next.groups + next.ids[i];
    ({ ids, groups } = denseIds(pair));
  }
  return { ids, groups };
}

/** Per group its tie groups too big for one band, the group's size beside it (warnings, docs/binning.md). */
export interface GroupTies extends TieGroup {
  groupSize: number;
}

export interface NestedScoring extends MetricScoring {
  groupTies: GroupTies[];
}

/**
 * Quintile scores of `values` computed separately within each group (`ids`), ranks and n per group.
 * Other methods score as they do without nesting.
 */
export function groupedScoring(
  values: Float64Array,
  ids: Int32Array,
  groups: number,
  lowerBetter: boolean,
  method: MetricMethod,
  k: number,
  ties: TiePolicy,
): NestedScoring {
  if (method.kind !== 'quintile') return { ...metricScoring(values, lowerBetter, method, k, ties), groupTies: [] };
  const n = values.length;
  if (ties !== 'first') {
    const counted = countedGroups(values, ids, groups, lowerBetter, k, ties);
    if (counted) return counted;
  }
  // Stable counting sort of the rows by group: start offsets, then each row's slot.
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) start[ids[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const rowAt = new Int32Array(n);
  const grouped = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pos = next[ids[i]]++;
    rowAt[pos] = i;
    grouped[pos] = values[i];
  }
  const scores = new Float64Array(n);
  const groupTies: GroupTies[] = [];
  for (let g = 0; g < groups; g++) {
    const a = start[g];
    const b = start[g + 1];
    const slice = grouped.subarray(a, b);
    const part = b - a <= SMALL_GROUP ? smallGroupScoring(slice, lowerBetter, k, ties) : quintileScoring(slice, lowerBetter, k, ties);
    for (let j = 0; j < b - a; j++) scores[rowAt[a + j]] = part.scores[j];
    for (const tie of part.bigTies) groupTies.push({ ...tie, groupSize: b - a });
  }
  return { scores, bigTies: mergeTies(groupTies), groupTies };
}

/**
 * Ties average or min on small scaled-integer values (days, counts, cents), every group at once:
 * one table of (group, value key) counts, each group's slots walked in value order to turn counts into
 * that group's tie-group scores, then every row looks its score up — the engine's counting path
 * (docs/engine.md) with the group in the key. Undefined when the table would be too large.
 */
function countedGroups(
  values: Float64Array,
  ids: Int32Array,
  groups: number,
  lowerBetter: boolean,
  k: number,
  ties: TiePolicy,
): NestedScoring | undefined {
  const n = values.length;
  const limit = Math.min(Math.max(8 * n, 1 << 16), 1 << 25);
  const dense = denseKeys(values, Math.floor(limit / Math.max(groups, 1)));
  if (!dense) return undefined;
  const { keys, size, scale } = dense;
  const table = new Int32Array(groups * size);
  const groupN = new Int32Array(groups);
  for (let i = 0; i < n; i++) {
    table[ids[i] * size + keys[i]]++;
    groupN[ids[i]]++;
  }
  const groupTies: GroupTies[] = [];
  for (let g = 0; g < groups; g++) {
    const gn = groupN[g];
    const twoN = 2 * gn;
    // Ascending: the tie group of key x holds the group's positions start..start+count−1 (0-based).
    for (let x = 0, start = 0, slot = g * size; x < size; x++, slot++) {
      const count = table[slot];
      if (count === 0) continue;
      const end = start + count;
      const a = lowerBetter ? start + 1 : gn - end + 1;
      const b = lowerBetter ? end : gn - start;
      const twoRank = ties === 'average' ? a + b : 2 * a;
      table[slot] = k - Math.floor((k * (twoRank - 2)) / twoN);
      if (count >= 2 && count * k > gn) groupTies.push({ value: x / scale, count, groupSize: gn });
      start = end;
    }
  }
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = table[ids[i] * size + keys[i]];
  return { scores, bigTies: mergeTies(groupTies), groupTies };
}

/**
 * Up to this many customers a group is ranked by a comparator sort: the counting and radix paths set
 * up 64K-entry tables per call, too much when raw R makes thousands of tiny groups.
 */
const SMALL_GROUP = 256;

function smallGroupScoring(values: Float64Array, lowerBetter: boolean, k: number, ties: TiePolicy): MetricScoring {
  const order = Array.from(values, (_, i) => i);
  // Array.prototype.sort is stable: equal values keep row order (ties `first`).
  order.sort((x, y) => values[x] - values[y]);
  return sortedScoring(order, order.map((i) => values[i]), lowerBetter, k, ties);
}

/**
 * One entry per tied value over all groups (the warnings speak of the whole table): the customers
 * sharing that value in groups where it is more than one band of the group.
 */
function mergeTies(groupTies: readonly GroupTies[]): TieGroup[] {
  const byValue = new Map<number, number>();
  for (const t of groupTies) byValue.set(t.value, (byValue.get(t.value) ?? 0) + t.count);
  return [...byValue.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}
