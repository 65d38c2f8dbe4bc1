import { useMemo } from 'react';
import { capabilities, MIN_EXCEL_API, type Capability, type CapabilityFeature } from '../excel';

/**
 * The fallbacks a user notices (the others — how the selection and its Excel table are found — give
 * the same result): each has a note in the pane.
 */
export type NotedFeature = Extract<CapabilityFeature, 'mergedCheck' | 'groupHelpers' | 'screenUpdating'>;
const NOTED: readonly CapabilityFeature[] = ['mergedCheck', 'groupHelpers', 'screenUpdating'];

/**
 * The noticeable features this Excel runs without (docs/requirements.md): asked once per pane, since
 * the Excel version does not change while the pane is open.
 */
export function useCapabilities(): { missing: Array<Capability & { feature: NotedFeature }>; highest: string } {
  return useMemo(() => {
    const missing = capabilities().filter((c): c is Capability & { feature: NotedFeature } => !c.supported && NOTED.includes(c.feature));
    // the newest set among them: the one Excel version that has everything
    const minor = (set: string) => Number(set.split('.')[1]);
    const highest = missing.reduce((a, c) => (minor(c.set) > minor(a) ? c.set : a), MIN_EXCEL_API);
    return { missing, highest };
  }, []);
}
