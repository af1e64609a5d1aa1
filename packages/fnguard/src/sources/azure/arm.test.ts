import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../scan.js';
import type { FunctionNode, Model } from '../../model/types.js';

const fx = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));
const only = (m: Model): FunctionNode => {
  assert.equal(m.functions.length, 1, JSON.stringify(m.functions.map((f) => f.name)));
  return m.functions[0]!;
};

describe('ARM source', () => {
  it('reads a function app with its settings, children and lines', async () => {
    const m = await buildModel(fx('arm/full'));
    const fn = only(m);
    assert.equal(fn.name, 'orders-fn', 'app name from the sibling parameters file');
    assert.deepEqual([fn.cloud, fn.format, fn.loc.line], ['azure', 'arm', 25]);
    const a = fn.azure!;
    assert.deepEqual([a.httpsOnly?.value, a.httpsOnly?.loc.line], [false, 37]);
    assert.deepEqual([a.clientCertEnabled?.value, a.clientCertEnabled?.loc.line], [false, 39], 'Optional client cert mode is not enforced');
    assert.deepEqual([a.minTlsVersion?.value, a.minTlsVersion?.loc.line], ['1.0', 42], 'parameter default');
    assert.deepEqual([a.cors?.value, a.cors?.loc.line], [['https://app.example.org', '*'], 43], 'through a variable');
    assert.deepEqual([a.remoteDebugging?.value, a.ftpsState?.value, a.ftpsState?.loc.line], [true, 'FtpsOnly', 65], 'nested config/web overrides');
    assert.deepEqual([a.basicPublishingCredentials?.value, a.basicPublishingCredentials?.loc.line], [true, 100], 'scm allowed at top level');
    assert.deepEqual([a.storageUsesKey?.value, a.storageUsesKey?.loc.line], [true, 52], 'listKeys() connection string');
    assert.deepEqual([a.appInsights?.value, a.functionsVersion?.value], [false, '~3']);
    assert.deepEqual([fn.runtime?.value, fn.runtime?.loc.line], ['node|18', 47]);
    assert.deepEqual(fn.network && [fn.network.attached, fn.network.egress?.value, fn.network.subnetIds?.expr !== undefined], [true, 'ALL_TRAFFIC', true]);
    const env = Object.fromEntries(fn.env.map((e) => [e.name, e]));
    assert.equal(env.DB_PASSWORD?.secretRef, 'azure-key-vault');
    assert.equal(env.AzureWebJobsStorage?.value, undefined);
    assert.match(env.AzureWebJobsStorage?.expr ?? '', /listKeys/);
    assert.equal(env.QUEUE_NAME?.value, '[literal-bracket]', '[[ escapes a literal bracket');
    assert.deepEqual([env.EXTRA_SETTING?.value, env.EXTRA_SETTING?.loc.line], ['from-config-resource', 93], 'sites/config appsettings resource');
    assert.deepEqual(fn.triggers.map((t) => [t.kind, t.auth?.value, t.method, t.path, t.loc.line]), [['http', 'none', 'POST', 'webhook', 80]]);
  });

  it('links managed identities and role assignments', async () => {
    const m = await buildModel(fx('arm/full'));
    const fn = only(m);
    const system = m.identities.get(fn.identityId!)!;
    assert.deepEqual([system.kind, system.isDefault, fn.identityLoc?.line], ['azure-managed-identity', true, 30]);
    assert.deepEqual(system.roleBindings.map((b) => [b.role.value, b.scopeLevel, b.loc.line, b.role.loc.line]), [['Contributor', 'resource-group', 113, 117]]);
    const uami = m.identities.get(fn.additionalIdentityIds![0]!)!;
    assert.equal(uami.name, 'orders-fn-uami');
    const [custom] = uami.roleBindings;
    assert.deepEqual([custom?.role.value, custom?.scopeLevel, custom?.scope.loc.line], ['Queue reader (fixture)', 'resource', 126]);
    assert.deepEqual(custom?.customActions, ['Microsoft.Storage/storageAccounts/queueServices/queues/read', 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read']);
    assert.equal(m.identities.size, 2, 'the Owner assignment to an unrelated principal is not attached');
  });

  it('notes unknown types once and copy loops, keeps files for suppressions', async () => {
    const m = await buildModel(fx('arm/full'));
    const infos = m.diagnostics.filter((d) => d.level === 'info').map((d) => `${d.line}: ${d.message}`);
    assert.deepEqual(infos, ['142: resource type Microsoft.Sql/servers is not analysed', '147: copy loop on Microsoft.Sql/servers: analysed once, copyIndex() left unresolved']);
    assert.deepEqual(m.files.map((f) => [f.path, f.format]).sort(), [['azuredeploy.json', 'arm'], ['azuredeploy.parameters.json', 'arm']]);
  });

  it('follows nested deployments (inner scope) and symbolic resources', async () => {
    const m = await buildModel(fx('arm/nested'));
    const fn = only(m);
    assert.deepEqual([fn.name, fn.loc.line, fn.runtime?.value], ['inv-func', 22, 'python|3.11']);
    assert.deepEqual([fn.azure?.publicNetworkAccess?.value, fn.network?.ingress?.value, fn.network?.attached], [false, 'DISABLED', false]);
    const [b] = m.identities.get(fn.identityId!)!.roleBindings;
    assert.deepEqual([b?.role.value, b?.scopeLevel, b?.scope.expr], ['Owner', 'subscription', '[subscription().id]']);
    assert.ok(m.diagnostics.some((d) => d.message === 'linked template of deployment linked is not analysed' && d.line === 48));
  });

  it('treats deployment slots as function apps with their own settings', async () => {
    const m = await buildModel(fx('arm/slots'));
    assert.deepEqual(
      m.functions.map((f) => [f.name, f.loc.line, f.azure?.httpsOnly?.value, f.azure?.minTlsVersion?.value ?? null, f.azure?.remoteDebugging?.value ?? null]),
      [
        ['shop-func', 6, true, null, null],
        ['shop-func/staging', 13, false, '1.1', true],
      ],
    );
  });

  it('links children only inside their own template', async () => {
    const m = await buildModel(fx('arm/twins'));
    assert.deepEqual(m.functions.map((f) => [f.loc.file, f.azure?.minTlsVersion?.value]).sort(), [['a.json', '1.0'], ['b.json', '1.2']]);
  });

  it('warns on bad input and goes on', async () => {
    const m = await buildModel(fx('arm/bad'));
    const warn = m.diagnostics.filter((d) => d.level === 'warning').map((d) => `${d.file}:${d.line ?? '-'} ${d.message}`);
    assert.deepEqual(warn.sort(), [
      'broken.json:5 skipped: invalid JSON at line 5: CommaExpected',
      'odd.json:4 resource is not an object',
      'odd.json:5 resource without a resolvable "type"',
      "odd.json:8 ARM expression not understood (kept unresolved): expected a value at position 14 in [concat('odd', ]",
    ]);
    const fn = only(m);
    assert.deepEqual([fn.azure?.httpsOnly?.value, fn.azure?.httpsOnly?.expr], [undefined, "[parameters('missing')]"], 'parameter without default stays an expression');
    assert.equal(fn.azure?.appInsights?.value, undefined, 'unresolved settings list: absence of App Insights is not a fact');
    assert.deepEqual([fn.azure?.ftpsState?.value, fn.azure?.ftpsState?.inherited], ['AllAllowed', true], 'platform default recorded as such');
    assert.ok(!m.files.some((f) => f.path === 'not-template.json'), 'JSON without a deployment schema is not claimed');
  });
});

describe('ARM source robustness', () => {
  it('never fails on randomly mutated templates', async () => {
    const { readFileSync, mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { parseJson } = await import('../structured.js');
    const base = parseJson(readFileSync(fx('arm/full/azuredeploy.json'), 'utf8'), 'x').value;
    // Seeded PRNG: the same mutations on every run.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const junk = [null, 42, true, '[', "[concat(]", "[parameters('nope')]", [], {}, [[1]], '[reference(1).x.y]', "[resourceId()]", "[variables('identityName')]"];
    const mutate = (v: unknown): unknown => {
      if (rnd() < 0.08) return junk[Math.floor(rnd() * junk.length)];
      if (Array.isArray(v)) return v.map(mutate);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mutate(x)]));
      return v;
    };
    const dir = mkdtempSync(join(tmpdir(), 'fnguard-arm-'));
    try {
      for (let i = 0; i < 60; i++) writeFileSync(join(dir, `t${i}.json`), JSON.stringify(mutate(base), null, 1));
      const m = await buildModel(dir);
      const failures = m.diagnostics.filter((d) => /source failed/.test(d.message));
      assert.deepEqual(failures, []);
      assert.ok(m.functions.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
