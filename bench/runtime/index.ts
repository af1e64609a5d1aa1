// Runs every runtime bench in one go: overhead vs Middy/Powertools, cold start and bundle size,
// per-detector throughput, detection quality. `node --import tsx bench/runtime/index.ts`
import { printColdStart, runColdStart } from './coldstart.js';
import { printDetectors, runDetectors } from './detectors.js';
import { printOverhead, runOverhead } from './overhead.js';
import { printQuality } from './quality.js';
import { measureQuality } from '../../packages/runtime/corpus/quality.js';

console.log(`fnguard runtime benches — node ${process.version}, ${new Date().toISOString()}`);
// Overhead first: the detector throughput bench feeds the same bundle adversarial inputs, and the
// type feedback it leaves behind slowed later overhead measurements by up to 2x in one process.
printOverhead(await runOverhead());
printColdStart(await runColdStart());
printDetectors(await runDetectors());
printQuality(measureQuality());
