import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmId, ArmRef, Evaluator, Unknown, parseExpression } from './arm-expr.js';

const ev = new Evaluator({
  parameters: { app: { type: 'string' }, env: { type: 'string', defaultValue: 'prod' }, n: { type: 'int', defaultValue: 2 } },
  parameterValues: { Region: { value: 'westeurope' } },
  variables: { name: "[concat(parameters('env'), '-', 'api')]", loop: "[variables('loop')]", list: ['a', "[parameters('env')]"], obj: { k: 'v' } },
});

describe('ARM expressions', () => {
  it('evaluates literals, parameters, variables and string functions', () => {
    assert.equal(ev.resolve("[parameters('env')]"), 'prod');
    assert.equal(ev.resolve("[parameters('region')]"), 'westeurope', 'parameter names are case-insensitive, file values win');
    assert.equal(ev.resolve("[variables('name')]"), 'prod-api');
    assert.equal(ev.resolve("[format('{0}-{1}', parameters('env'), parameters('n'))]"), 'prod-2');
    assert.equal(ev.resolve("[toUpper(replace('a-b', '-', '_'))]"), 'A_B');
    assert.equal(ev.resolve("[if(equals(parameters('env'), 'prod'), 'yes', 'no')]"), 'yes');
    assert.equal(ev.resolve("['it''s']"), "it's");
    assert.equal(ev.resolve('[[not an expression]'), '[not an expression]');
    assert.equal(ev.resolve("[variables('list')[1]]"), 'prod');
    assert.equal(ev.resolve("[variables('obj').k]"), 'v');
    assert.equal(ev.resolve('plain'), 'plain');
    assert.equal(ev.resolve('[true()]'), true);
  });

  it('keeps unknowns with a symbolic rendering', () => {
    const v = ev.resolve("[concat(parameters('app'), '/web')]");
    assert.ok(v instanceof Unknown);
    assert.equal(v.sym, "{parameters('app')}/web");
    const f = ev.resolve("[format('{0}/web', parameters( 'app' ))]");
    assert.ok(f instanceof Unknown && f.sym === "{parameters('app')}/web", 'same rendering from format() and spaced text');
    assert.ok(ev.resolve("[uniqueString(resourceGroup().id)]") instanceof Unknown);
    assert.ok(ev.resolve("[variables('loop')]") instanceof Unknown, 'a self-referencing variable does not recurse forever');
    assert.ok(ev.resolve("[variables('missing')]") instanceof Unknown);
  });

  it('returns structured resource ids and references', () => {
    const id = ev.resolve("[resourceId('Microsoft.Web/sites/config', parameters('env'), 'web')]");
    assert.ok(id instanceof ArmId);
    assert.deepEqual([id.type, id.names, id.level], ['Microsoft.Web/sites/config', ['prod', 'web'], 'resource']);
    assert.equal(id.toString(), '/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Web/sites/prod/config/web');
    const sub = ev.resolve('[subscription().id]');
    assert.ok(sub instanceof ArmId && sub.level === 'subscription');
    const ref = ev.resolve("[reference(resourceId('Microsoft.Web/sites', 'app1'), '2023-01-01', 'full').identity.principalId]");
    assert.ok(ref instanceof ArmRef);
    assert.deepEqual([ref.target, ref.full, ref.path], [{ type: 'Microsoft.Web/sites', name: 'app1' }, true, ['identity', 'principalId']]);
  });

  it('rejects malformed expressions without throwing from resolve', () => {
    assert.throws(() => parseExpression("concat('a'"));
    assert.throws(() => parseExpression("'unterminated"));
    assert.throws(() => parseExpression('a(1) b'));
    const e = new Evaluator({ parameters: {}, parameterValues: {}, variables: {} });
    assert.ok(e.resolve("[concat('a', ]") instanceof Unknown);
    assert.equal(e.syntaxErrors.length, 1);
    assert.ok(e.resolve(`[${'f('.repeat(200)}${')'.repeat(200)}]`) instanceof Unknown, 'deep nesting is refused');
  });
});
