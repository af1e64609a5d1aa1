import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionInfo } from './actions.js';
import { TECHNIQUE_ACTIONS, TECHNIQUES } from './techniques.js';

describe('escalation technique catalogue', () => {
  it('has at least 40 techniques with unique ids', () => {
    assert.ok(TECHNIQUES.length >= 40, String(TECHNIQUES.length));
    assert.equal(new Set(TECHNIQUES.map((t) => t.id)).size, TECHNIQUES.length);
  });

  it('names only actions that exist in the IAM dataset', () => {
    const missing = TECHNIQUE_ACTIONS.filter((a) => {
      const info = actionInfo(a);
      return !info || `${info.service}:${info.name}` !== a;
    });
    assert.deepEqual(missing, []);
  });

  it('passes roles to service principals', () => {
    for (const t of TECHNIQUES) if (t.passRoleTo) assert.match(t.passRoleTo, /^[a-z0-9.-]+\.amazonaws\.com$/, t.id);
    assert.ok(TECHNIQUES.every((t) => t.actions.length > 0 && !t.actions.includes('iam:PassRole')));
  });
});
