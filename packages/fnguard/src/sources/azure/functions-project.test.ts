import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../scan.js';
import { azureFunctionsSource } from './functions-project.js';

const fx = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));

describe('Azure Functions project source', () => {
  it('turns each function.json into a function with triggers, env and code path', async () => {
    const m = await buildModel(fx('project'), { sources: [azureFunctionsSource] });
    const byName = Object.fromEntries(m.functions.map((f) => [f.name, f]));
    assert.deepEqual(Object.keys(byName).sort(), ['Nightly', 'Orders']);
    const orders = byName.Orders!;
    assert.deepEqual([orders.cloud, orders.format, orders.codePath, orders.handler?.value], ['azure', 'azure-functions', 'lib/orders.js', '../lib/orders.js:handle']);
    assert.equal(orders.azure, undefined, 'project files carry no app-level settings');
    assert.deepEqual(orders.triggers.map((t) => [t.kind, t.service, t.auth?.value, t.auth?.loc.line, t.method, t.path, t.cors?.value]), [
      ['http', 'azure-http', 'none', 9, 'GET,POST', 'orders/{id?}', ['http://localhost:3000', '*']],
    ]);
    assert.deepEqual([orders.runtime?.value, orders.runtime?.loc.file, orders.runtime?.loc.line], ['python', 'local.settings.json', 4]);
    assert.deepEqual(orders.env.map((e) => [e.name, e.loc.line, e.secretRef ?? null]), [
      ['FUNCTIONS_WORKER_RUNTIME', 4, null],
      ['AzureWebJobsStorage', 5, null],
      ['API_TOKEN', 6, 'azure-key-vault'],
      ['Sql', 9, null],
    ]);
    const nightly = byName.Nightly!;
    assert.equal(nightly.codePath, 'Nightly');
    assert.deepEqual(nightly.triggers.map((t) => [t.kind, t.service, t.source?.value ?? t.source?.expr ?? null, t.auth?.value ?? null]), [
      ['schedule', 'azure-timer', '0 0 2 * * *', null],
      ['queue', 'azure-servicebus', '%TOPIC%', null],
      ['http', 'azure-http', null, 'function-key'],
      ['http', 'azure-http', null, 'function-key'],
      ['other', 'azure-daprtopic', null, null],
    ]);
  });

  it('warns on malformed files, notes projects without function.json and loose functions', async () => {
    const m = await buildModel(fx('.'), { sources: [azureFunctionsSource] });
    const diags = m.diagnostics.map((d) => `${d.level} ${d.file}:${d.line ?? '-'} ${d.message}`);
    assert.ok(diags.includes('warning project/Broken/function.json:4 skipped: invalid JSON at line 4: PropertyNameExpected'), diags.join('\n'));
    assert.ok(diags.some((d) => d.startsWith('info v4-project/host.json:- Functions project without function.json')), diags.join('\n'));
    assert.ok(diags.some((d) => d.startsWith('info loose/Solo/function.json:- no host.json')), diags.join('\n'));
    const solo = m.functions.find((f) => f.name === 'Solo')!;
    assert.deepEqual(solo.triggers.map((t) => [t.kind, t.source?.value]), [['storage', 'uploads/{name}']]);
    assert.ok(m.files.some((f) => f.path === 'project/local.settings.json' && f.format === 'azure-functions'));
  });
});
