import { DETECTORS, DETECTOR_NAMES, scanString } from '../../packages/runtime/src/detectors/index.js';
import { apiGwV2Event } from './events.js';
const e = apiGwV2Event() as any;
const strs: string[] = [];
const coll = (v: any) => { if (typeof v === 'string') strs.push(v); else if (v && typeof v === 'object') for (const k of Object.keys(v)) { strs.push(k); coll(v[k]); } };
coll(JSON.parse(e.body)); coll(e.headers); coll(e.queryStringParameters); strs.push(e.rawPath);
for (let i = 0; i < 20000; i++) for (const s of strs) scanString(s, DETECTOR_NAMES);
const per: Array<[string, number]> = [];
for (const s of strs) { const t = process.hrtime.bigint(); for (let i = 0; i < 5000; i++) scanString(s, DETECTOR_NAMES); per.push([s, Number(process.hrtime.bigint() - t) / 5000]); }
console.log(per.sort((a,b)=>b[1]-a[1]).slice(0,15).map(([k,v])=>v.toFixed(0)+'ns '+JSON.stringify(k.slice(0,50))).join('\n'));
for (const d of DETECTOR_NAMES) { const t = process.hrtime.bigint(); for (let i = 0; i < 2000; i++) for (const s of strs) scanString(s, [d]); console.log(d, (Number(process.hrtime.bigint() - t) / 2000/1000).toFixed(2), 'µs'); }
