import { readFileSync } from 'node:fs';
import { parseYaml } from './structured.js';
for (const f of ['/tmp/perf/sam/template.yaml', '/tmp/perf/sls/serverless.yml']) {
  const t = performance.now();
  parseYaml(readFileSync(f, 'utf8'), 'x');
  console.log(f, (performance.now() - t).toFixed(0), 'ms');
}
