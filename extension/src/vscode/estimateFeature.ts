import type { FeatureContext } from './featureContext';

export function registerEstimate(_fc: FeatureContext): void {
  // Filled in by its feature's issue.
}
