import { scanString, DETECTOR_NAMES, compileSchema } from '../../packages/runtime/src/index.js';
import { apiGwV2Event, orderSchemaJson } from './events.js';
const e = apiGwV2Event() as any;
const strs: string[] = [];
const coll = (v: any) => { if (typeof v === 'string') strs.push(v); else if (v && typeof v === 'object') for (const k of Object.keys(v)) { strs.push(k); coll(v[k]); } };
coll(JSON.parse(e.body)); coll(e.headers); coll(e.queryStringParameters); strs.push(e.rawPath);
const N = 20000;
const time = (name: string, f: () => void) => { for (let i = 0; i < 3000; i++) f(); const ts: number[] = []; for (let r = 0; r < 7; r++) { const t = process.hrtime.bigint(); for (let i = 0; i < N; i++) f(); ts.push(Number(process.hrtime.bigint() - t) / N / 1000); } ts.sort((a,b)=>a-b); console.log(name, ts[0].toFixed(2), ts[3].toFixed(2), 'µs'); };
time('scan all strings', () => { for (const s of strs) scanString(s, DETECTOR_NAMES); });
time('JSON.parse', () => JSON.parse(e.body));
const v = compileSchema(orderSchemaJson as any); const b = JSON.parse(e.body);
time('schema', () => v(b));
const per: Record<string, number> = {};
for (const s of strs) { const t = process.hrtime.bigint(); for (let i = 0; i < 2000; i++) scanString(s, DETECTOR_NAMES); per[s] = Number(process.hrtime.bigint() - t) / 2000; }
console.log(Object.entries(per).sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>v.toFixed(0)+'ns '+JSON.stringify(k.slice(0,60))).join('\n'));
console.log(strs.length, strs.join('').length);
