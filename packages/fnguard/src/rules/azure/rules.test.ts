/**
 * Test table of the Azure rules. The shared fixtures describe one weak and one hardened function app
 * in each format (ARM, Terraform, Functions project), so the same rule is proven on several formats.
 */
import { fileURLToPath } from 'node:url';
import { testRule } from '../tester.js';
import basicPublishing from './basic-publishing.js';
import clientCert from './client-cert.js';
import corsAnyOrigin from './cors-any-origin.js';
import ftpDeploy from './ftp-deploy.js';
import hostVersionEol from './host-version-eol.js';
import httpAnonymous from './http-anonymous.js';
import httpsOnly from './https-only.js';
import { azureRules } from './index.js';
import minTls from './min-tls.js';
import noAppInsights from './no-app-insights.js';
import noManagedIdentity from './no-managed-identity.js';
import publicNetwork from './public-network.js';
import remoteDebugging from './remote-debugging.js';
import runtimeEol, { languageVersion } from './runtime-eol.js';
import secretInAppSettings from './secret-in-app-settings.js';
import storageAccountKey from './storage-account-key.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';

const fx = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));
const ARM_WEAK = fx('arm-weak');
const ARM_OK = fx('arm-hardened');
const ARM_UNRESOLVED = fx('arm-unresolved');
const TF_WEAK = fx('tf-weak');
const TF_OK = fx('tf-hardened');

it('every Azure rule is in the table and registered', () => {
  assert.equal(azureRules.length, 15);
  assert.equal(new Set(azureRules.map((r) => r.meta.id)).size, azureRules.length);
  for (const r of azureRules) assert.match(r.meta.id, /^AZURE_/);
});

testRule(httpsOnly, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:6'], messageIncludes: 'not set (default false)' },
    { fixture: TF_WEAK, expect: ['main.tf:8'] },
  ],
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED],
});

testRule(ftpDeploy, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:6'], messageIncludes: 'platform default' },
    { fixture: TF_WEAK, expect: ['main.tf:12'] },
  ],
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED],
});

testRule(basicPublishing, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:6'] },
    { fixture: TF_WEAK, expect: ['main.tf:1'] },
  ],
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED],
});

testRule(minTls, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:13'], messageIncludes: 'TLS 1.1' },
    { fixture: TF_WEAK, expect: ['main.tf:11'], messageIncludes: 'TLS 1.0' },
  ],
  pass: [ARM_OK, TF_OK, fx('arm-easy-auth')],
});

testRule(corsAnyOrigin, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:15'] },
    { fixture: TF_WEAK, expect: ['main.tf:15'] },
  ],
  // project-hardened has Host.CORS "*" in local.settings.json: local host only, not reported.
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED, fx('project-hardened')],
});

testRule(noManagedIdentity, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:6'] },
    { fixture: TF_WEAK, expect: ['main.tf:1'] },
  ],
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED, fx('project-weak')],
});

testRule(secretInAppSettings, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:19', 'azuredeploy.json:20'], messageIncludes: '********' },
    { fixture: TF_WEAK, expect: ['main.tf:21'] },
    // One local.settings.json feeds two functions: one finding naming both.
    { fixture: fx('project-weak'), expect: ['local.settings.json:6'], messageIncludes: '"Api", "Cron"' },
  ],
  pass: [ARM_OK, TF_OK, fx('project-hardened')],
});

testRule(httpAnonymous, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:34'], messageIncludes: 'route charge' },
    { fixture: fx('project-weak'), expect: ['Api/function.json:7'] },
    // Easy Auth configured to let unauthenticated requests through protects nothing.
    { fixture: fx('arm-easy-auth-open'), expect: ['azuredeploy.json:22'] },
  ],
  // Easy Auth in front of the app; an OPTIONS-only (preflight) trigger.
  pass: [ARM_OK, fx('arm-easy-auth'), fx('project-preflight'), fx('project-hardened')],
});

testRule(remoteDebugging, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:14'] },
    { fixture: TF_WEAK, expect: ['main.tf:13'] },
  ],
  pass: [ARM_OK, TF_OK],
});

testRule(noAppInsights, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:12'] },
    { fixture: TF_WEAK, expect: ['main.tf:1'] },
  ],
  // arm-unresolved: the settings list is a parameter, so absence is not a fact.
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED],
});

testRule(publicNetwork, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:6'] },
    { fixture: TF_WEAK, expect: ['main.tf:1'] },
    // partner-func has an IP allow rule (passes); open-rules-func only "Allow Any".
    { fixture: fx('arm-restricted'), expect: ['azuredeploy.json:19'] },
  ],
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED],
});

testRule(storageAccountKey, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:19'] },
    { fixture: TF_WEAK, expect: ['main.tf:7'] },
  ],
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED],
});

testRule(clientCert, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:6'] },
    { fixture: TF_WEAK, expect: ['main.tf:1'] },
  ],
  pass: [ARM_OK, TF_OK, ARM_UNRESOLVED],
});

testRule(hostVersionEol, {
  fail: [{ fixture: ARM_WEAK, expect: ['azuredeploy.json:17'], messageIncludes: '~3' }],
  pass: [ARM_OK],
});

it('reads language versions from runtime strings', () => {
  assert.deepEqual(languageVersion('node|~18'), ['node', '18']);
  assert.deepEqual(languageVersion('dotnet-isolated|v8.0'), ['dotnet', '8']);
  assert.deepEqual(languageVersion('python|3.11'), ['python', '3.11']);
  assert.deepEqual(languageVersion('powershell|7.2'), ['powershell', '7.2']);
  assert.equal(languageVersion('node'), undefined);
  assert.equal(languageVersion('python|3'), undefined);
  assert.equal(languageVersion('java|17'), undefined);
});

// A fixed day keeps the table stable as time passes (.NET 8 reached end of life on 2026-11-10).
testRule(runtimeEol, {
  fail: [
    { fixture: ARM_WEAK, expect: ['azuredeploy.json:18'], messageIncludes: 'dotnet 6' },
    { fixture: fx('tf-runtime'), expect: ['main.tf:10'], messageIncludes: 'node 16' },
  ],
  pass: [ARM_OK, TF_OK, fx('project-weak')],
  ruleOptions: { today: '2026-11-25' },
});
