import { useMemo } from 'react';
import { capabilities, type Capability, type CapabilityFeature } from '../excel';

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
export function useCapabilities(): Array<Capability & { feature: NotedFeature }> {
  return useMemo(
    () => capabilities().filter((c): c is Capability & { feature: NotedFeature } => !c.supported && NOTED.includes(c.feature)),
    [],
  );
}
