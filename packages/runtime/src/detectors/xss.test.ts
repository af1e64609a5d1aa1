import { test } from 'node:test';
import { detectXss } from './xss.js';
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
