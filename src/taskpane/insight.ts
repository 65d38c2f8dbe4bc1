/**
 * The pane's insight options (docs/insight.md): the Segment column with its reference (mean or median of
 * the scores or of the values) and the Follow-up column with one editable label per grade. Pure:
 * no React, no Office.
 */
import { followUpLabels, type InsightOptions, type Scheme, type SegmentBasis, type SegmentMap, type SegmentReference } from '../core';
import type { Lang } from '../i18n';
import { runMap } from './segmentMap';

export interface InsightForm {
  segments: boolean;
  reference: SegmentReference;
  basis: SegmentBasis;
  followUp: boolean;
  /** The user's follow-up label per grade position; blank: the default cadence. */
  labels: string[];
  /** The segment map being edited (docs/segments.md); absent: the eight segments. */
  map?: SegmentMap;
}

export const DEFAULT_INSIGHT: InsightForm = { segments: false, reference: 'mean', basis: 'scores', followUp: false, labels: [] };

/**
 * What a preview or run asks the engine for (undefined: neither column). Follow-up labels the user
 * typed are kept, blank ones become the default cadence in `lang`; without any typed label the
 * option stays `true`, so a summary in another language names the cadences in that language.
 */
export function insightOptions(form: InsightForm, scheme: Scheme, lang: Lang): InsightOptions | undefined {
  const out: InsightOptions = {};
  if (form.segments) {
    out.segments = { reference: form.reference, basis: form.basis };
    const map = runMap(form.map);
    if (map) out.segments.map = map;
  }
  if (form.followUp) {
    const typed = scheme.grades.map((_, i) => (form.labels[i] ?? '').trim());
    out.followUp = typed.some((x) => x !== '') ? followUpLabels(scheme, lang).map((label, i) => typed[i] || label) : true;
  }
  return out.segments || out.followUp ? out : undefined;
}
