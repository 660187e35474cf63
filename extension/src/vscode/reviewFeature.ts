import type { FeatureContext } from './featureContext';

export function registerReview(_fc: FeatureContext): void {
  // Filled in by its feature's issue.
}
