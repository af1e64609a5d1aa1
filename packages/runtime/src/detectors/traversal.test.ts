import { test } from 'node:test';
import { detectTraversal } from './traversal.js';
import { percentDecode } from './decode.js';
import { expectDetector } from './detectors.testkit.js';
import assert from 'node:assert/strict';

test('traversal: repeated, sensitive, evasive and NUL forms; one relative ../ is allowed', () => {
  expectDetector(detectTraversal, [
    ['../../secret', 'traversal.dot-dot'], ['..\\..\\boot', 'traversal.dot-dot'], ['../etc/shadow', 'traversal.sensitive-file'],
    ['/etc/passwd', 'traversal.sensitive-file'], ['....//x', 'traversal.evasion'], ['..;/admin', 'traversal.evasion'],
    ['a.png\0.php', 'traversal.nul-byte'], ['C:\\Windows\\system.ini', 'traversal.sensitive-file'],
  ], ['../images/logo.png', '[Back](../index.md)', 'Wait... what/why', 'v1.2.3/release', 'file.tar.gz', './run.sh', 'a/b/c.txt', 'etc/passwords are weak']);
});

test('traversal: an encoded segment is flagged even when a single one', () => {
  const raw = '%2e%2e%2fconfig.json';
  assert.equal(detectTraversal(raw, raw), null);
  assert.equal(detectTraversal(percentDecode(raw), raw), 'traversal.encoded');
  const plain = '../img/a%20b.png';
  assert.equal(detectTraversal(percentDecode(plain), plain), null);
});

test('traversal: the two-dot and NUL pre-check keeps look-alike dots, backslashes and NULs', () => {
  expectDetector(detectTraversal, [
    ['a\0b', 'traversal.nul-byte'], ['C:\\WINDOWS\\win.ini', 'traversal.sensitive-file'], ['/ETC/PASSWD', 'traversal.sensitive-file'], ['..\\..\\x', 'traversal.dot-dot'],
    ['\uff0e./\uff0e./x', 'traversal.dot-dot'],
  ], ['Mozilla/5.0 (Windows NT 10.0)', 'https://shop.example.com/orders/ord_7f3a9c1e', 'Wait... what']);
});
