/** Small helpers shared by the engine tests (not a test file itself). */
import { defaultScheme, RfmError, type Metric, type Scheme, type ScoreResult } from '../../src/core';
import type { MessageKey } from '../../src/i18n';

/** The default scheme with some fields replaced. */
export function schemeWith(over: Partial<Scheme> = {}): Scheme {
  return { ...defaultScheme(), ...over };
}

/** Runs `fn`, expects an RfmError with `key`, returns it for further checks. */
export function expectRfmError(fn: () => unknown, key: MessageKey): RfmError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(RfmError);
  const err = thrown as RfmError;
  expect(err.key).toBe(key);
  return err;
}

export const list = (a: ArrayLike<number>): number[] => Array.from(a);

/** Per-row scores of one metric; null on invalid rows (easier to read than NaN in diffs). */
export function scoresOf(result: ScoreResult, metric: Metric): Array<number | null> {
  return Array.from(result.scores[metric], (x) => (Number.isNaN(x) ? null : x));
}

export function compositesOf(result: ScoreResult): Array<number | null> {
  return Array.from(result.composite, (x) => (Number.isNaN(x) ? null : x));
}

export function gradesOf(result: ScoreResult, scheme: Scheme): Array<string | null> {
  return Array.from(result.grade, (g) => (g < 0 ? null : scheme.grades[g].label));
}
