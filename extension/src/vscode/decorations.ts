import type { RunFile } from '../core/profile/runFileTypes';
import type { FeatureContext } from './featureContext';

/** End-of-line per-line memory costs after a run (stub until the profile view lands). */
export function showLineCosts(_fc: FeatureContext, _run: RunFile): void {}
