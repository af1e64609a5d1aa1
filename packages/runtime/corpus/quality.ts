// Detection quality on the labelled corpus: recall per category (an attack counts when the detector of
// its own category flags it) and the false-positive rate over benign strings (any detector firing).
import { DETECTOR_NAMES, scanString, type DetectorName } from '../src/detectors/index.js';
import { attackStrings, benignStrings } from './index.js';

export interface Quality {
  recall: Record<DetectorName, { caught: number; total: number; missed: string[] }>;
  attacks: number;
  benign: number;
  falsePositives: Array<{ value: string; rules: string[] }>;
}

export function measureQuality(): Quality {
  const attacks = attackStrings();
  const recall = {} as Quality['recall'];
  let total = 0;
  for (const cat of DETECTOR_NAMES) {
    const list = attacks[cat];
    const missed = list.filter((s) => scanString(s, [cat]).length === 0);
    recall[cat] = { caught: list.length - missed.length, total: list.length, missed };
    total += list.length;
  }
  const benign = benignStrings();
  const falsePositives = benign
    .map((value) => ({ value, rules: scanString(value, DETECTOR_NAMES).map((h) => h.rule) }))
    .filter((x) => x.rules.length > 0);
  return { recall, attacks: total, benign: benign.length, falsePositives };
}
