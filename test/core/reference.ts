/**
 * An independent, deliberately simple reference implementation of SPEC.md sections 1–4, written
 * from the spec (not from src/core) so the engine can be checked against it.
 *
 * - Every number the rules compare or add is an exact rational (BigInt numerator / denominator).
 *   A JS number stands for its shortest decimal text String(x) (0.1 is 1/10); weight, threshold
 *   and cut-off texts are parsed digit by digit.
 * - Quintile ranks come from a plain sort of the valid rows, best first; a tie group occupying
 *   positions a..b gets rank (a+b)/2 (average), a (min) or each row its own position (first).
 *   score = k − floor(k × (rank − 1) / n), floor taken on the exact rational.
 * - Speed is not a goal: everything is O(n²) or O(n log n) on BigInts.
 *
 * Only the engine's *types* are imported (they are the contract's data shapes), never its code.
 */
import type { CellValue, Metric, MetricMethod, Scheme, TiePolicy } from '../../src/core';

// ---------------------------------------------------------------- exact rationals

export interface Q {
  /** numerator (sign lives here) */
  n: bigint;
  /** denominator, always > 0, coprime with n */
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function q(n: bigint, d: bigint = 1n): Q {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const qAdd = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const qSub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const qMul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const qDiv = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const qInt = (i: number | bigint): Q => q(BigInt(i));

export function qCmp(a: Q, b: Q): number {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** floor(a) as a BigInt (rounds towards −∞). */
export function qFloor(a: Q): bigint {
  const t = a.n / a.d; // truncates towards zero
  return a.n < 0n && t * a.d !== a.n ? t - 1n : t;
}

/**
 * Decimal text → exact rational: "0.35", "12", ".5", "5.", "1e3", "1.5e-7", "1e+21", "-2".
 * undefined when the text is not a plain decimal number.
 */
export function qFromDecimal(text: string): Q | undefined {
  let s = text.trim();
  if (s === '') return undefined;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  let exponent = 0;
  const e = s.search(/[eE]/);
  if (e >= 0) {
    const expText = s.slice(e + 1);
    if (!/^[+-]?\d+$/.test(expText)) return undefined;
    exponent = parseInt(expText, 10);
    s = s.slice(0, e);
  }
  const dot = s.indexOf('.');
  const whole = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || whole.length + frac.length === 0) return undefined;
  let num = BigInt(whole + frac || '0');
  if (negative) num = -num;
  const scale = frac.length - exponent; // value = num / 10^scale
  return scale >= 0 ? q(num, 10n ** BigInt(scale)) : q(num * 10n ** BigInt(-scale));
}

/** The exact value a finite JS number stands for to the user: its shortest decimal text. */
export function qOfNumber(x: number): Q {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  const r = qFromDecimal(String(x));
  if (!r) throw new Error(`cannot read ${String(x)}`);
  return r;
}

/**
 * Exact decimal text of a rational whose denominator is 2^a·5^b ("2", "3.9", "0.05", "-1.25");
 * undefined for any other rational (no finite decimal).
 */
export function qToText(a: Q): string | undefined {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return undefined;
  const scale = Math.max(twos, fives);
  const scaled = (a.n * 10n ** BigInt(scale)) / a.d; // exact
  const neg = scaled < 0n;
  let digits = (neg ? -scaled : scaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
    digits = digits.replace(/0+$/, '').replace(/\.$/, '');
  }
  return `${neg ? '-' : ''}${digits}`;
}

/**
 * The JS number nearest to a decimal rational (every composite is one): its exact decimal text
 * read by Number(), which rounds correctly.
 */
export function qToNumber(a: Q): number {
  const text = qToText(a);
  if (text === undefined) throw new Error('not a decimal');
  return Number(text);
}

// ---------------------------------------------------------------- SPEC.md 1: cell values

export type RefReason = 'empty' | 'notNumber' | 'boolean' | 'error' | 'negative' | 'notFinite';
export type RefCell = { ok: true; value: number } | { ok: false; reason: RefReason };

const EXCEL_ERRORS = new Set([
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

/**
 * Number text per SPEC.md 1: surrounding spaces, one optional sign, an optional leading currency
 * sign (¥ ￥ $, before or after the sign), digits with correct thousands grouping (1,234,567) or
 * none, optional decimals, optional exponent (1e3). Returns the JS number, or undefined.
 */
export function refNumberText(text: string): number | undefined {
  let s = text.trim();
  let sign = '';
  const takeSign = (): void => {
    if (s[0] === '-' || s[0] === '+') {
      if (sign) throw new Error('two signs');
      sign = s[0];
      s = s.slice(1).trim();
    }
  };
  try {
    takeSign();
    if (s[0] === '¥' || s[0] === '￥' || s[0] === '$') s = s.slice(1).trim();
    takeSign();
  } catch {
    return undefined;
  }
  let mantissa = s;
  let exponent = '';
  const e = s.search(/[eE]/);
  if (e >= 0) {
    mantissa = s.slice(0, e);
    exponent = s.slice(e);
    if (!/^[eE][+-]?\d+$/.test(exponent)) return undefined;
  }
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fracPart = dot < 0 ? '' : mantissa.slice(dot + 1);
  if (!/^\d*$/.test(fracPart)) return undefined;
  if (intPart.includes(',')) {
    const groups = intPart.split(',');
    if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return undefined;
  } else if (!/^\d*$/.test(intPart)) return undefined;
  const plain = intPart.replace(/,/g, '');
  if (plain.length + fracPart.length === 0) return undefined;
  const x = Number(`${plain || '0'}.${fracPart || '0'}${exponent}`);
  return sign === '-' ? -x : x;
}

export function refParseCell(v: CellValue): RefCell {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, reason: 'notFinite' };
    if (v < 0) return { ok: false, reason: 'negative' };
    return { ok: true, value: v + 0 }; // -0 → 0
  }
  if (v === null || v === undefined) return { ok: false, reason: 'empty' };
  if (typeof v === 'boolean') return { ok: false, reason: 'boolean' };
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return { ok: false, reason: 'empty' };
    if (EXCEL_ERRORS.has(s.toUpperCase())) return { ok: false, reason: 'error' };
    const x = refNumberText(s);
    if (x === undefined) return { ok: false, reason: 'notNumber' };
    return refParseCell(x);
  }
  if (v instanceof Date) return { ok: false, reason: 'notNumber' };
  return { ok: false, reason: 'error' }; // { error: '#N/A' } from an adapter
}

// ---------------------------------------------------------------- SPEC.md 2: per-metric score

export const refLowerIsBetter = (metric: Metric): boolean => metric === 'r';

/** Quintile (k bins) scores of `values` (all valid), in the same order. */
export function refQuintile(values: readonly number[], lowerBetter: boolean, k: number, ties: TiePolicy): number[] {
  const n = values.length;
  const exact = values.map(qOfNumber);
  // better(i, j) < 0 when row i's value is better than row j's.
  const better = (i: number, j: number): number => (lowerBetter ? 1 : -1) * qCmp(exact[i], exact[j]);
  // Best first; among equal values, earlier rows first (only `first` looks at that order).
  const order = values.map((_, i) => i).sort((i, j) => better(i, j) || i - j);
  const rank: Q[] = new Array<Q>(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && better(order[end + 1], order[start]) === 0) end++;
    const a = start + 1; // positions a..b, 1-based
    const b = end + 1;
    for (let p = start; p <= end; p++) {
      const row = order[p];
      if (ties === 'average') rank[row] = q(BigInt(a + b), 2n);
      else if (ties === 'min') rank[row] = qInt(a);
      else rank[row] = qInt(p + 1);
    }
    start = end + 1;
  }
  const K = qInt(k);
  const N = qInt(n);
  return rank.map((r) => Number(BigInt(k) - qFloor(qDiv(qMul(K, qSub(r, qInt(1))), N))));
}

/** breaks: 1 + number of cut-offs t with value ≥ t (higher is better) or value ≤ t (lower is better). */
export function refBreaks(values: readonly number[], lowerBetter: boolean, cutoffs: readonly number[]): number[] {
  const ts = cutoffs.map(qOfNumber);
  return values.map((v) => {
    const x = qOfNumber(v);
    return 1 + ts.filter((t) => (lowerBetter ? qCmp(x, t) <= 0 : qCmp(x, t) >= 0)).length;
  });
}

export function refMetricScores(
  values: readonly number[],
  metric: Metric,
  method: MetricMethod,
  k: number,
  ties: TiePolicy,
): number[] {
  const lower = refLowerIsBetter(metric);
  if (method.kind === 'quintile') return refQuintile(values, lower, k, ties);
  if (method.kind === 'breaks') return refBreaks(values, lower, method.cutoffs);
  return [...values]; // raw: the value itself
}

// ---------------------------------------------------------------- SPEC.md 3–4: composite, grade

export function refWeights(scheme: Pick<Scheme, 'variant' | 'weights'>): [Q, Q, Q] {
  if (scheme.variant === 'additive') return [qInt(1), qInt(1), qInt(1)];
  return scheme.weights.map((w) => {
    const x = qFromDecimal(w);
    if (!x) throw new Error(`weight ${w}`);
    return x;
  }) as [Q, Q, Q];
}

export function refComposite(scheme: Pick<Scheme, 'variant' | 'weights'>, sr: number, sf: number, sm: number): Q {
  const [wr, wf, wm] = refWeights(scheme);
  return qAdd(qAdd(qMul(wr, qOfNumber(sr)), qMul(wf, qOfNumber(sf))), qMul(wm, qOfNumber(sm)));
}

/** Index of the first grade whose threshold the composite reaches (≥); the last grade otherwise. */
export function refGrade(scheme: Pick<Scheme, 'grades'>, composite: Q): number {
  for (let i = 0; i < scheme.grades.length - 1; i++) {
    const t = qFromDecimal(scheme.grades[i].min ?? '');
    if (!t) throw new Error(`threshold ${scheme.grades[i].min}`);
    if (qCmp(composite, t) >= 0) return i;
  }
  return scheme.grades.length - 1;
}

// ---------------------------------------------------------------- the whole table

export interface RefRow {
  valid: boolean;
  /** reasons of the invalid cells, r then f then m */
  problems: Array<{ metric: Metric; reason: RefReason }>;
  scores?: Record<Metric, number>;
  composite?: number;
  compositeExact?: Q;
  grade?: number;
}

export interface RefResult {
  n: number;
  rows: RefRow[];
}

const METRIC_LIST: Metric[] = ['r', 'f', 'm'];

export function refScoreTable(columns: Record<Metric, readonly CellValue[]>, scheme: Scheme): RefResult {
  const rowCount = Math.max(columns.r.length, columns.f.length, columns.m.length);
  const rows: RefRow[] = [];
  const parsed: Array<Record<Metric, number> | undefined> = [];
  for (let i = 0; i < rowCount; i++) {
    const problems: RefRow['problems'] = [];
    const vals = {} as Record<Metric, number>;
    for (const metric of METRIC_LIST) {
      const c = refParseCell(columns[metric][i]);
      if (c.ok) vals[metric] = c.value;
      else problems.push({ metric, reason: c.reason });
    }
    rows.push({ valid: problems.length === 0, problems });
    parsed.push(problems.length === 0 ? vals : undefined);
  }
  // Invalid rows are simply left out: they don't count in n.
  const validRows = rows.flatMap((r, i) => (r.valid ? [i] : []));
  const scores = {} as Record<Metric, number[]>;
  for (const metric of METRIC_LIST) {
    const values = validRows.map((i) => parsed[i]![metric]);
    if (scheme.binning === 'nested' && metric !== 'r') {
      // Nested binning (docs/binning.md): F ranked among the rows with the same R score, M among the
      // rows with the same R and F scores; each group is its own table of n rows.
      const earlier: Metric[] = metric === 'f' ? ['r'] : ['r', 'f'];
      const groups = new Map<string, number[]>();
      validRows.forEach((_, j) => {
        const key = earlier.map((m) => String(scores[m][j])).join('|');
        groups.set(key, [...(groups.get(key) ?? []), j]);
      });
      scores[metric] = new Array<number>(validRows.length);
      for (const members of groups.values()) {
        const got = refMetricScores(members.map((j) => values[j]), metric, scheme.methods[metric], scheme.bins, scheme.ties);
        members.forEach((j, x) => (scores[metric][j] = got[x]));
      }
    } else {
      scores[metric] = refMetricScores(values, metric, scheme.methods[metric], scheme.bins, scheme.ties);
    }
  }
  validRows.forEach((row, j) => {
    const s = { r: scores.r[j], f: scores.f[j], m: scores.m[j] };
    const c = refComposite(scheme, s.r, s.f, s.m);
    rows[row].scores = s;
    rows[row].compositeExact = c;
    rows[row].composite = qToNumber(c);
    rows[row].grade = refGrade(scheme, c);
  });
  return { n: validRows.length, rows };
}
