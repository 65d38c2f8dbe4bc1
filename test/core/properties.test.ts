/**
 * Property tests (fast-check) of SPEC.md 1–4: order independence, monotonicity, equal bands,
 * agreement with the independent reference on random tables, and exact grades.
 */
import fc from 'fast-check';
import {
  createGrader,
  scoreTable,
  TIE_POLICIES,
  type CellValue,
  type GradeRule,
  type Metric,
  type MetricMethod,
  type Scheme,
  type ScoreResult,
  type TiePolicy,
} from '../../src/core';
import { schemeWith } from './helpers';
import { qFromDecimal, qToNumber, refComposite, refGrade, refScoreTable } from './reference';

/** Table-scoring properties: 200 runs each; the pure grading ones: 300. */
const RUNS = { numRuns: 200 };
const GRADE_RUNS = { numRuns: 300 };
const METRICS: Metric[] = ['r', 'f', 'm'];

// ---------------------------------------------------------------- generators

/** 1234567 → "1,234,567" (written here, not with toLocaleString, to stay independent). */
function grouped(i: number): string {
  const s = String(i);
  const head = s.length % 3 || 3;
  const groups = [s.slice(0, head)];
  for (let p = head; p < s.length; p += 3) groups.push(s.slice(p, p + 3));
  return groups.join(',');
}

/** Hundredths as decimal text: 305 → "3.05", 300 → "3.00" or "3". */
function hundredthsText(h: number, short: boolean): string {
  const whole = Math.floor(h / 100);
  const frac = h % 100;
  return short && frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0')}`;
}

const moneyText: fc.Arbitrary<CellValue> = fc
  .tuple(
    fc.integer({ min: 0, max: 9_999_999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom('', '¥', '￥', '$'),
    fc.boolean(),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([i, cents, cur, dec, pad]) => `${pad}${cur}${grouped(i)}${dec ? `.${String(cents).padStart(2, '0')}` : ''}${pad}`);

/** x moved by `ulps` units in the last place (values that differ only in their lowest bits). */
function nudge(x: number, ulps: number): number {
  const f = new Float64Array([x]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] += BigInt(ulps);
  return f[0];
}

/** Doubles that differ in their last bits only, and any double: ranking must still be exact. */
const awkwardNumber: fc.Arbitrary<CellValue> = fc.oneof(
  fc
    .tuple(fc.constantFrom(0.1, 1 / 3, 12.34, 1e6 + 0.5, 2 ** 40 + 0.25, 5e-324), fc.integer({ min: 0, max: 3 }))
    .map(([x, d]) => nudge(x, d)),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
  fc.constant(-0),
);

const validCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) }, // many ties
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2000 }).map((x) => x / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }).map((x) => ` ${x}`) },
  { weight: 1, arbitrary: moneyText },
  { weight: 1, arbitrary: awkwardNumber },
);

const invalidCell: fc.Arbitrary<CellValue> = fc.constantFrom<CellValue>(
  null,
  undefined,
  '',
  'n/a',
  true,
  false,
  '#N/A',
  { error: '#DIV/0!' },
  NaN,
  Infinity,
  -1,
  '-3',
  '1,23',
);

const cell = (invalidWeight: number): fc.Arbitrary<CellValue> =>
  invalidWeight ? fc.oneof({ weight: 15, arbitrary: validCell }, { weight: invalidWeight, arbitrary: invalidCell }) : validCell;

type Columns = Record<Metric, CellValue[]>;

function tableOf(n: number, invalidWeight: number): fc.Arbitrary<Columns> {
  const col = fc.array(cell(invalidWeight), { minLength: n, maxLength: n });
  return fc.record({ r: col, f: col, m: col });
}

const table = (maxRows: number, invalidWeight: number): fc.Arbitrary<Columns> =>
  fc.integer({ min: 1, max: maxRows }).chain((n) => tableOf(n, invalidWeight));

const tiesArb = fc.constantFrom<TiePolicy>(...TIE_POLICIES);
const binsArb = fc.integer({ min: 2, max: 10 });

const cutoffsArb = fc
  .uniqueArray(
    fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 2000 }).map((x) => x / 100)),
    { minLength: 1, maxLength: 9 },
  )
  .map((a) => [...a].sort((x, y) => x - y));

const methodArb: fc.Arbitrary<MetricMethod> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<MetricMethod>({ kind: 'quintile' }) },
  { weight: 1, arbitrary: cutoffsArb.map((cutoffs): MetricMethod => ({ kind: 'breaks', cutoffs })) },
  { weight: 1, arbitrary: fc.constant<MetricMethod>({ kind: 'raw' }) },
);

/** Three weights in hundredths, a + b + c = 100, as decimal text ("0.35", "0.3", "1.00"). */
const hundredthsWeights: fc.Arbitrary<{ h: [number, number, number]; text: [string, string, string] }> = fc
  .integer({ min: 0, max: 100 })
  .chain((a) => fc.tuple(fc.constant(a), fc.integer({ min: 0, max: 100 - a }), fc.boolean()))
  .map(([a, b, short]) => {
    const h: [number, number, number] = [a, b, 100 - a - b];
    const text = h.map((x) => (short ? String(x / 100) : hundredthsText(x, false))) as [string, string, string];
    return { h, text };
  });

/** 1–4 strictly descending thresholds (integer or 2-decimal text) in hundredths, plus the catch-all grade. */
function gradesFrom(hundredths: number[], short: boolean[]): GradeRule[] {
  const sorted = [...new Set(hundredths)].sort((x, y) => y - x);
  return [
    ...sorted.map((h, i) => ({ label: `G${i}`, min: hundredthsText(h, short[i % short.length]) })),
    { label: `G${sorted.length}`, min: null },
  ];
}

const gradesArb: fc.Arbitrary<GradeRule[]> = fc
  .tuple(
    fc.uniqueArray(
      fc.oneof(fc.integer({ min: 0, max: 16 }).map((x) => x * 100), fc.integer({ min: 0, max: 1600 })),
      { minLength: 1, maxLength: 4 },
    ),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  )
  .map(([hs, short]) => gradesFrom(hs, short));

const schemeArb: fc.Arbitrary<Scheme> = fc.record({
  variant: fc.constantFrom<Scheme['variant']>('weighted', 'additive'),
  weights: hundredthsWeights.map((w) => w.text),
  methods: fc.record({ r: methodArb, f: methodArb, m: methodArb }),
  bins: binsArb,
  ties: tiesArb,
  grades: gradesArb,
});

// ---------------------------------------------------------------- helpers

const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

function validRows(result: ScoreResult): number[] {
  return Array.from(result.grade).flatMap((g, i) => (g >= 0 ? [i] : []));
}

/** Per-metric counts of each score 1..k over the valid rows. */
function bandCounts(result: ScoreResult, metric: Metric, k: number): number[] {
  const counts = new Array<number>(k + 1).fill(0);
  for (const row of validRows(result)) counts[result.scores[metric][row]]++;
  return counts.slice(1);
}

// ---------------------------------------------------------------- properties

describe('scores do not depend on row order (ties average and min)', () => {
  const permuted = fc.integer({ min: 1, max: 30 }).chain((n) =>
    fc.tuple(
      tableOf(n, 1),
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      fc.constantFrom<TiePolicy>('average', 'min'),
      binsArb,
    ),
  );

  it('permuting the rows permutes the scores, composites and grades', () => {
    fc.assert(
      fc.property(permuted, ([cols, perm, ties, bins]) => {
        const scheme = schemeWith({ ties, bins });
        const a = scoreTable(cols, scheme);
        const shuffled = {
          r: perm.map((i) => cols.r[i]),
          f: perm.map((i) => cols.f[i]),
          m: perm.map((i) => cols.m[i]),
        };
        const b = scoreTable(shuffled, scheme);
        perm.forEach((from, to) => {
          for (const metric of METRICS) {
            if (!same(b.scores[metric][to], a.scores[metric][from])) {
              throw new Error(`${metric} score of row ${from} changed after the move to ${to}`);
            }
          }
          expect(same(b.composite[to], a.composite[from])).toBe(true);
          expect(b.grade[to]).toBe(a.grade[from]);
        });
      }),
      RUNS,
    );
  });
});

describe('a strictly better value never gets a lower score', () => {
  const arb = fc.tuple(
    table(30, 1),
    tiesArb,
    binsArb,
    fc.constantFrom<MetricMethod>({ kind: 'quintile' }),
    fc.oneof(fc.constant<MetricMethod>({ kind: 'quintile' }), cutoffsArb.map((c): MetricMethod => ({ kind: 'breaks', cutoffs: c }))),
  );

  it('R: smaller is better; F and M: larger is better (quintile under every tie policy, breaks)', () => {
    fc.assert(
      fc.property(arb, ([cols, ties, bins, quintile, other]) => {
        const scheme = schemeWith({ ties, bins, methods: { r: quintile, f: other, m: other } });
        const result = scoreTable(cols, scheme);
        const rows = validRows(result);
        for (const metric of METRICS) {
          const v = result.values[metric];
          const s = result.scores[metric];
          for (const i of rows) {
            for (const j of rows) {
              const iBetter = metric === 'r' ? v[i] < v[j] : v[i] > v[j];
              if (iBetter && s[i] < s[j]) {
                throw new Error(`${metric}: value ${v[i]} scored ${s[i]} below value ${v[j]} scored ${s[j]} (${ties})`);
              }
            }
          }
        }
      }),
      RUNS,
    );
  });
});

describe('with distinct values each band holds n/k rows ± 1', () => {
  const arb = fc.tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 5, maxLength: 80 }),
    tiesArb,
    fc.integer({ min: 2, max: 10 }),
  );

  it('quintile score counts are floor(n/k) or ceil(n/k), for R (ascending) and F/M (descending)', () => {
    fc.assert(
      fc.property(arb, ([values, ties, k]) => {
        const n = values.length;
        fc.pre(n >= k);
        const reversed = [...values].reverse();
        const result = scoreTable({ r: values, f: reversed, m: values }, schemeWith({ ties, bins: k }));
        for (const metric of METRICS) {
          for (const count of bandCounts(result, metric, k)) {
            expect(count === Math.floor(n / k) || count === Math.ceil(n / k)).toBe(true);
          }
        }
        if (k === 5) {
          for (const count of bandCounts(result, 'f', 5)) expect(Math.abs(count - n / 5)).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });
});

describe('the engine agrees with the reference implementation', () => {
  function compare(cols: Columns, scheme: Scheme): void {
    const res = scoreTable(cols, scheme);
    const ref = refScoreTable(cols, scheme);
    expect(res.n).toBe(ref.n);
    expect(res.rows).toBe(ref.rows.length);
    ref.rows.forEach((row, i) => {
      const problems = res.invalid.filter((c) => c.row === i).map(({ metric, reason }) => ({ metric, reason }));
      expect({ row: i, problems }).toEqual({ row: i, problems: row.problems });
      if (!row.valid) {
        expect(res.grade[i]).toBe(-1);
        for (const metric of METRICS) expect(res.scores[metric][i]).toBeNaN();
        expect(res.composite[i]).toBeNaN();
        return;
      }
      const got = {
        row: i,
        r: res.scores.r[i],
        f: res.scores.f[i],
        m: res.scores.m[i],
        composite: res.composite[i],
        grade: res.grade[i],
      };
      expect(got).toEqual({ row: i, ...row.scores, composite: row.composite, grade: row.grade });
    });
  }

  it('random tables: ties, invalid cells, every tie policy, k 2..10, quintile/breaks/raw, weighted/additive', () => {
    fc.assert(fc.property(table(40, 2), schemeArb, compare), RUNS);
  });

  it('nested binning (docs/binning.md): random tables and schemes, F within R bins, M within R × F cells', () => {
    fc.assert(fc.property(table(60, 2), schemeArb, (cols, scheme) => compare(cols, { ...scheme, binning: 'nested' })), RUNS);
  });

  it('nested binning, quintile only, heavy ties (values 0..3)', () => {
    const tiny = fc.integer({ min: 1, max: 40 }).chain((n) => {
      const col = fc.array(fc.integer({ min: 0, max: 3 }) as fc.Arbitrary<CellValue>, { minLength: n, maxLength: n });
      return fc.record({ r: col, f: col, m: col });
    });
    fc.assert(
      fc.property(tiny, tiesArb, binsArb, (cols, ties, bins) => compare(cols, schemeWith({ ties, bins, binning: 'nested' }))),
      RUNS,
    );
  });

  it('quintile only, heavy ties (values 0..3)', () => {
    const tiny = fc.integer({ min: 1, max: 25 }).chain((n) => {
      const col = fc.array(fc.integer({ min: 0, max: 3 }) as fc.Arbitrary<CellValue>, { minLength: n, maxLength: n });
      return fc.record({ r: col, f: col, m: col });
    });
    fc.assert(
      fc.property(tiny, tiesArb, binsArb, (cols, ties, bins) => compare(cols, schemeWith({ ties, bins }))),
      RUNS,
    );
  });

  it('invalid rows do not change the scores of the other rows', () => {
    const arb = table(25, 0).chain((cols) =>
      fc.tuple(
        fc.constant(cols),
        fc.array(fc.tuple(fc.nat(), invalidCell, validCell, validCell, fc.nat(2)), { minLength: 1, maxLength: 5 }),
        schemeArb,
      ),
    );
    fc.assert(
      fc.property(arb, ([cols, inserts, scheme]) => {
        const base = scoreTable(cols, scheme);
        const withBad: Columns = { r: [...cols.r], f: [...cols.f], m: [...cols.m] };
        const origin: number[] = cols.r.map((_, i) => i); // origin[k] = original row of row k, -1 = inserted
        for (const [pos, bad, x, y, which] of inserts) {
          const at = pos % (origin.length + 1);
          const cellsOfRow = [x, y];
          const metric = METRICS[which];
          const others = METRICS.filter((mm) => mm !== metric);
          withBad[metric].splice(at, 0, bad);
          withBad[others[0]].splice(at, 0, cellsOfRow[0]);
          withBad[others[1]].splice(at, 0, cellsOfRow[1]);
          origin.splice(at, 0, -1);
        }
        const res = scoreTable(withBad, scheme);
        expect(res.n).toBe(base.n);
        origin.forEach((from, k) => {
          if (from < 0) {
            expect(res.grade[k]).toBe(-1);
            return;
          }
          for (const metric of METRICS) expect(same(res.scores[metric][k], base.scores[metric][from])).toBe(true);
          expect(same(res.composite[k], base.composite[from])).toBe(true);
          expect(res.grade[k]).toBe(base.grade[from]);
        });
      }),
      RUNS,
    );
  });
});

describe('grades are decided on exact decimals', () => {
  const rawMethods = { r: { kind: 'raw' }, f: { kind: 'raw' }, m: { kind: 'raw' } } as Scheme['methods'];
  const score = fc.integer({ min: 1, max: 5 });

  it('random hundredths weights (sum 1), integer scores, integer or 2-decimal thresholds', () => {
    fc.assert(
      fc.property(hundredthsWeights, fc.tuple(score, score, score), gradesArb, (w, [sr, sf, sm], grades) => {
        const scheme = schemeWith({ weights: w.text, grades });
        const exact = refComposite(scheme, sr, sf, sm);
        expect(createGrader(scheme).grade(sr, sf, sm)).toEqual({ composite: qToNumber(exact), grade: refGrade(scheme, exact) });
      }),
      GRADE_RUNS,
    );
  });

  it('a composite exactly on a threshold reaches that grade (through scoreTable)', () => {
    const arb = fc.tuple(
      hundredthsWeights,
      fc.array(fc.tuple(score, score, score), { minLength: 1, maxLength: 10 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
      fc.nat(),
    );
    fc.assert(
      fc.property(arb, ([w, rows, otherThresholds, short, pick]) => {
        const target = rows[pick % rows.length];
        // Exact composite in hundredths: a·sR + b·sF + c·sM (weights a/100, b/100, c/100).
        const t = w.h[0] * target[0] + w.h[1] * target[1] + w.h[2] * target[2];
        const grades = gradesFrom([t, ...otherThresholds], short);
        const scheme = schemeWith({ weights: w.text, grades, methods: rawMethods });
        const onThreshold = grades.findIndex((g) => g.min !== null && qFromDecimal(g.min)!.n * 100n === BigInt(t) * qFromDecimal(g.min)!.d);
        expect(onThreshold).toBeGreaterThanOrEqual(0);
        const result = scoreTable(
          { r: rows.map((x) => x[0]), f: rows.map((x) => x[1]), m: rows.map((x) => x[2]) },
          scheme,
        );
        const row = rows.indexOf(target);
        expect(result.composite[row]).toBe(t / 100);
        expect(result.grade[row]).toBe(onThreshold);
        rows.forEach(([sr, sf, sm], i) => {
          const exact = refComposite(scheme, sr, sf, sm);
          expect(result.composite[i]).toBe(qToNumber(exact));
          expect(result.grade[i]).toBe(refGrade(scheme, exact));
        });
      }),
      GRADE_RUNS,
    );
  });

  it('decimal raw scores (one decimal) with a threshold exactly on the composite', () => {
    const tenth = fc.integer({ min: 0, max: 200 });
    fc.assert(
      fc.property(hundredthsWeights, fc.tuple(tenth, tenth, tenth), fc.boolean(), (w, [r10, f10, m10], additive) => {
        // weights in hundredths × scores in tenths → composite in thousandths
        const h = additive ? [100, 100, 100] : w.h;
        const t = h[0] * r10 + h[1] * f10 + h[2] * m10;
        const text = `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
        const scheme = schemeWith({
          variant: additive ? 'additive' : 'weighted',
          weights: w.text,
          methods: rawMethods,
          grades: [
            { label: 'on', min: text },
            { label: 'below', min: null },
          ],
        });
        const result = scoreTable({ r: [r10 / 10], f: [f10 / 10], m: [m10 / 10] }, scheme);
        expect(result.composite[0]).toBe(Number(text));
        expect(result.grade[0]).toBe(0);
      }),
      GRADE_RUNS,
    );
  });
});
