import { DETECTORS, DETECTOR_NAMES, scanString } from '../../packages/runtime/src/detectors/index.js';
import { apiGwV2Event } from './events.js';
const e = apiGwV2Event() as any;
const strs: string[] = [];
const coll = (v: any) => { if (typeof v === 'string') strs.push(v); else if (v && typeof v === 'object') for (const k of Object.keys(v)) { strs.push(k); coll(v[k]); } };
coll(JSON.parse(e.body)); coll(e.headers); coll(e.queryStringParameters); strs.push(e.rawPath);
const only = process.argv[2];
const names = only ? [only as any] : DETECTOR_NAMES;
for (let i = 0; i < 20000; i++) for (const s of strs) scanString(s, names);
let best = 1e9;
for (let r = 0; r < 15; r++) { const t = process.hrtime.bigint(); for (let i = 0; i < 1000; i++) for (const s of strs) scanString(s, names); best = Math.min(best, Number(process.hrtime.bigint() - t) / 1000 / 1000); }
console.log(only ?? 'all', best.toFixed(2), 'µs per event (best of 15)');
