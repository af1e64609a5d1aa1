import { readFileSync } from 'node:fs';
import type { DetectorName } from '../src/detectors/index.js';
export { benignStrings } from './benign.js';

/** Labelled attack strings, hand-written, keyed by the detector that should catch them. */
export function attackStrings(): Record<DetectorName, string[]> {
  return JSON.parse(readFileSync(new URL('./attacks.json', import.meta.url), 'utf8')) as Record<DetectorName, string[]>;
}
