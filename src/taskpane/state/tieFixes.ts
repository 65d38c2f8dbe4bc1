/**
 * Tie-collapse advice in the pane (docs/tie-advice.md): the fixes of each metric whose ties leave
 * scores empty, and "Use this" as a change of the scheme form. Pure: no React, no Office.
 */
import { METRICS, tieFixes, type Metric, type Scheme, type ScoreResult, type TieFix, type Warning } from '../../core';
import { schemeForm, type SchemeForm } from '../form';

/** Per metric, the fixes of its ties warning (the first one that leaves scores empty). */
export function tieFixesByMetric(result: ScoreResult, scheme: Scheme): Partial<Record<Metric, TieFix[]>> {
  const out: Partial<Record<Metric, TieFix[]>> = {};
  for (const metric of METRICS) {
    const w = result.warnings.find((x): x is Extract<Warning, { kind: 'ties' }> => x.kind === 'ties' && x.metric === metric && x.emptyScores.length > 0);
    if (!w) continue;
    const fixes = tieFixes(result, scheme, w);
    if (fixes.length) out[metric] = fixes;
  }
  return out;
}

/**
 * The scheme form fields the fix changes, as a patch over the form as it is now: only what differs
 * between the scored scheme and the fixed one (bins, ties, one metric's method, and whatever a later
 * kind of fix changes), so the user's other edits since the preview stay.
 */
export function tieFixPatch(fix: TieFix, scored: Scheme, form: SchemeForm): Partial<SchemeForm> {
  const before = schemeForm(scored, 'custom');
  const after = schemeForm(fix.scheme, 'custom');
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof SchemeForm)[]) {
    if (key === 'preset' || same(before[key], after[key])) continue;
    if (key === 'methods') {
      const methods = { ...form.methods };
      for (const m of METRICS) if (!same(before.methods[m], after.methods[m])) methods[m] = after.methods[m];
      patch.methods = methods;
    } else patch[key] = after[key];
  }
  return patch as Partial<SchemeForm>;
}
