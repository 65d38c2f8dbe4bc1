/**
 * Scheme validation (SPEC.md 2–4): weights are decimals summing to exactly 1, cut-offs ascending,
 * known tie policy, grades text well formed. Every problem is an RfmError with an i18n key.
 */
import {
  defaultScheme,
  parseBinsText,
  parseGradesText,
  parseMethodText,
  parseTiesText,
  parseWeightsText,
  preset,
  scoreTable,
  validateScheme,
  type Scheme,
  type TiePolicy,
} from '../../src/core';
import { expectRfmError, schemeWith } from './helpers';

const table = { r: [1, 2, 3], f: [1, 2, 3], m: [1, 2, 3] };

describe('defaults (SPEC.md 2–4)', () => {
  it('weighted 0.3/0.3/0.4, quintile k = 5, ties average, A ≥ 4, B ≥ 3, C ≥ 2, D', () => {
    expect(defaultScheme()).toEqual({
      variant: 'weighted',
      weights: ['0.3', '0.3', '0.4'],
      methods: { r: { kind: 'quintile' }, f: { kind: 'quintile' }, m: { kind: 'quintile' } },
      bins: 5,
      ties: 'average',
      grades: [
        { label: 'A', min: '4' },
        { label: 'B', min: '3' },
        { label: 'C', min: '2' },
        { label: 'D', min: null },
      ],
    });
  });

  it('template preset: the spec cut-offs', () => {
    const s = preset('template');
    expect(s.methods.r).toEqual({ kind: 'breaks', cutoffs: [30, 60, 90, 180] });
    expect(s.methods.f).toEqual({ kind: 'breaks', cutoffs: [2, 4, 7, 10] });
  });
});

describe('weights', () => {
  it('0.7 + 0.2 + 0.1 is exactly 1 (in binary floats it is 0.9999999999999999)', () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    expect(() => validateScheme(schemeWith({ weights: ['0.7', '0.2', '0.1'] }))).not.toThrow();
    expect(parseWeightsText('0.7,0.2,0.1')).toEqual(['0.7', '0.2', '0.1']);
    expect(() => scoreTable(table, schemeWith({ weights: ['0.7', '0.2', '0.1'] }))).not.toThrow();
  });

  it.each([
    [['0.35', '0.35', '0.30']],
    [['0.333', '0.333', '0.334']],
    [['1', '0', '0']],
    [['.5', '.25', '.25']],
    [['0.10', '0.20', '0.70']],
  ] as Array<[[string, string, string]]>)('%j adds up to 1', (weights) => {
    expect(() => validateScheme(schemeWith({ weights }))).not.toThrow();
  });

  it('weights that are not numbers', () => {
    expectRfmError(() => validateScheme(schemeWith({ weights: ['0.3', 'abc', '0.7'] })), 'scheme.weightNotNumber');
    expectRfmError(() => scoreTable(table, schemeWith({ weights: ['0.3', '', '0.7'] })), 'scheme.weightNotNumber');
    expectRfmError(() => validateScheme(schemeWith({ weights: ['-0.1', '0.4', '0.7'] })), 'scheme.weightNotNumber');
    const e = expectRfmError(() => parseWeightsText('0.3,x,0.4'), 'scheme.weightNotNumber');
    expect(e.message).toBe('Weight "x" is not a non-negative decimal number');
  });

  it('weights not summing to 1', () => {
    const e = expectRfmError(() => validateScheme(schemeWith({ weights: ['0.3', '0.3', '0.3'] })), 'scheme.weightSum');
    expect(e.message).toBe('Weights must add up to exactly 1; they add up to 0.9');
    expectRfmError(() => scoreTable(table, schemeWith({ weights: ['0.34', '0.33', '0.34'] })), 'scheme.weightSum');
  });

  it('not three weights', () => {
    expectRfmError(() => parseWeightsText('0.5,0.5'), 'scheme.weightCount');
    const two = ['0.5', '0.5'] as unknown as Scheme['weights'];
    expectRfmError(() => validateScheme(schemeWith({ weights: two })), 'scheme.weightCount');
  });

  it('additive ignores the weights', () => {
    expect(() => validateScheme(schemeWith({ variant: 'additive', weights: ['9', '9', '9'] }))).not.toThrow();
  });
});

describe('cut-offs', () => {
  it('not ascending', () => {
    const scheme = schemeWith({ methods: { ...defaultScheme().methods, r: { kind: 'breaks', cutoffs: [30, 90, 60, 180] } } });
    const e = expectRfmError(() => scoreTable(table, scheme), 'scheme.cutoffsNotAscending');
    expect(e.message).toBe('R cut-offs must be strictly ascending: 30,90,60,180');
    expectRfmError(() => parseMethodText('f', 'breaks:2,4,4,10'), 'scheme.cutoffsNotAscending');
  });

  it('not numbers or missing', () => {
    expectRfmError(() => parseMethodText('m', 'breaks:1000,x'), 'scheme.cutoffNotNumber');
    expectRfmError(() => parseMethodText('m', 'breaks:'), 'scheme.cutoffNotNumber');
    const none = schemeWith({ methods: { ...defaultScheme().methods, m: { kind: 'breaks', cutoffs: [] } } });
    expectRfmError(() => validateScheme(none), 'scheme.noCutoffs');
    const nan = schemeWith({ methods: { ...defaultScheme().methods, m: { kind: 'breaks', cutoffs: [1, NaN] } } });
    expectRfmError(() => validateScheme(nan), 'scheme.cutoffNotNumber');
  });

  it('method text', () => {
    expect(parseMethodText('r', 'breaks:30,60,90,180')).toEqual({ kind: 'breaks', cutoffs: [30, 60, 90, 180] });
    expect(parseMethodText('f', 'raw')).toEqual({ kind: 'raw' });
    expect(parseMethodText('m', 'quintile')).toEqual({ kind: 'quintile' });
    expectRfmError(() => parseMethodText('m', 'deciles'), 'scheme.badMethod');
  });
});

describe('tie policy and bins', () => {
  it('unknown tie policy', () => {
    const e = expectRfmError(() => scoreTable(table, schemeWith({ ties: 'max' as TiePolicy })), 'scheme.badTies');
    expect(e.message).toBe('Unknown tie policy "max" (use average, min or first)');
    expectRfmError(() => parseTiesText('dense'), 'scheme.badTies');
    expect(parseTiesText('first')).toBe('first');
  });

  it('bins', () => {
    expect(parseBinsText('10')).toBe(10);
    expectRfmError(() => parseBinsText('1'), 'scheme.badBins');
    expectRfmError(() => parseBinsText('2.5'), 'scheme.badBins');
    expectRfmError(() => validateScheme(schemeWith({ bins: 0 })), 'scheme.badBins');
  });
});

describe('grades text', () => {
  it('parses highest first with the last grade taking everyone else', () => {
    expect(parseGradesText('A:4,B:3,C:2,D')).toEqual(defaultScheme().grades);
    expect(parseGradesText('Gold:4.5, Silver:3.25, Bronze')).toEqual([
      { label: 'Gold', min: '4.5' },
      { label: 'Silver', min: '3.25' },
      { label: 'Bronze', min: null },
    ]);
  });

  it.each([
    ['A:x,B:3,C:2,D', 'scheme.gradeThresholdNotNumber'],
    ['A:4,B,C:2,D', 'scheme.gradeThresholdNotNumber'],
    ['A:4,B:3,C:2,D:1', 'scheme.lastGradeHasThreshold'],
    ['A:2,B:3,C', 'scheme.gradeThresholdsNotDescending'],
    ['A:3,B:3,C', 'scheme.gradeThresholdsNotDescending'],
    ['A:4,A:3,D', 'scheme.gradeLabelDuplicate'],
    [':4,B:3,C', 'scheme.gradeLabelEmpty'],
    ['A', 'scheme.gradeCount'],
  ] as const)('%s → %s', (text, key) => {
    expectRfmError(() => parseGradesText(text), key);
  });

  it('a bad grades object in a scheme is rejected by scoreTable', () => {
    const grades = [
      { label: 'A', min: '3' },
      { label: 'B', min: '3.5' },
      { label: 'C', min: null },
    ];
    expectRfmError(() => scoreTable(table, schemeWith({ grades })), 'scheme.gradeThresholdsNotDescending');
  });
});
