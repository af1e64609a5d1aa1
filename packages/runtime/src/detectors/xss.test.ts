import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectXss } from './xss.js';
import { scanString } from './index.js';
import { expectDetector } from './detectors.testkit.js';

test('xss: script-capable tags, handlers, script URLs incl. entity obfuscation, JS breakouts', () => {
  expectDetector(detectXss, [
    ['<script src=//x></script>', 'xss.tag'], ['<IMG SRC=a ONERROR=b()>', 'xss.event-handler'], ['<a href="jav&#x0A;ascript:x()">', 'xss.script-url'],
    ['javascript:void(0)', 'xss.script-url'], ['<div style="x:expression(y)">', 'xss.css'], ['"; alert(1); "', 'xss.js-breakout'],
    ['" autofocus onfocus="x()', 'xss.attribute-breakout'], ['<svg/onload=x>', 'xss.tag'], ['<iframe srcdoc=x>', 'xss.tag'],
  ], ['a < b > c', '<b>bold</b> and <i>it</i>', '<a href="https://example.com">x</a>', '<img src="cat.png" alt="cat">', 'x<y', 'Note: javascript is fun', 'I <3 you', "It's 'quoted' (really)"]);
});

test('xss: a quote breakout is found with 1–6 characters before the sink, and in any spelling the loop sees', () => {
  expectDetector(detectXss, [
    ["'      alert(1)", 'xss.js-breakout'], ["x'-document.coo\u212aie", 'xss.js-breakout'], ['<a href="  &#106;avascript:alert(1)">', 'xss.script-url'],
    ['JaVaScRiPt:alert(1)', 'xss.script-url'],
  ], ["'       alert(1)", "O'Neill-alert(1)", "it's a sure-fire idea.", 'x:&#106;avascript:alert(1)', "Left with neighbour at no. 14 (Mrs O'Neill)"]);
});

test('xss: scanString skips a quote followed by a letter (no breakout run) but not a real breakout', () => {
  const xss = (s: string): string | null => scanString(s, ['xss'])[0]?.rule ?? null;
  for (const s of ["'-alert(1)-'", '";alert(1)//', "' ,alert(1)", "'      alert(1)", '`+alert(1)+`']) assert.equal(xss(s), 'xss.js-breakout', s);
  for (const s of ["Mrs O'Neill (no. 14).", "John's (x)", "O'Neill.alert(1)", "'       alert(1)"]) assert.equal(xss(s), null, s);
  assert.equal(xss(`x' onmouseover='a()`), 'xss.attribute-breakout');
});
