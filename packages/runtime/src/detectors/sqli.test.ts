import { test } from 'node:test';
import { detectSqli } from './sqli.js';
import { expectDetector } from './detectors.testkit.js';

test('sqli: breakouts that form valid SQL are caught, with the rule that explains why', () => {
  expectDetector(detectSqli, [
    ["x' OR 2>1 --", 'sqli.tautology'], ["' or 'b'='b", 'sqli.tautology'], ['10 or 5=5', 'sqli.tautology'],
    ["name'--", 'sqli.comment'], ['7 union all select pass from t', 'sqli.union'], ["q'; drop table t; --", 'sqli.stacked'],
    ["a' and sleep(3)#", 'sqli.function'], ["'; waitfor delay '0:0:3'--", 'sqli.stacked'], ["1 waitfor delay '0:0:3'", 'sqli.time'], ['5 order by 4', 'sqli.orderby'],
    ["a'/**/or/**/2=2--", 'sqli.tautology'], ['select * from accounts', 'sqli.statement'], ["'+or+2=2--", 'sqli.tautology'],
    ["x' union /*!50000select*/ 1--", 'sqli.union'], ['2)) or ((3=3', 'sqli.tautology'], ["z' || (select 1)--", 'sqli.'],
  ], [
    "O'Brien", "D'Angelo-Smith", 'Rock \'n\' roll', "It's a dog's life", 'Select a date from the calendar',
    'Drop us a line', 'Union Street 5', 'We need 1 or 2 more', 'Delete from the cart later', 'update your profile set up',
    'He said "1=1 always" twice', '5\'10" tall', 'Tom & Jerry; the cartoon', "Men's and women's shoes", 'a - b - c', 'C:\\temp',
  ]);
});

test('sqli: pre-checks on character classes and letters keep every form that needs them', () => {
  expectDetector(detectSqli, [
    ['1 UNION SELECT 2', 'sqli.union'], ["WAITFOR DELAY '0:0:5'", 'sqli.time'], ["exec xp_cmdshell 'dir'", 'sqli.function'],
    ["x' and benchmar\u212a(9,1)#", 'sqli.function'], ['1 or 2-1', 'sqli.tautology'], ["'+UNION+SELECT+1--", 'sqli.union'],
    ['DROP TABLE users', 'sqli.statement'], ["x'; select sleep(5)", 'sqli.stacked'],
  ], ['SKU-1000', "Mrs O'Neill (no. 14)", "it's (a) sleep (5)", '2026-11-25T15:00:00Z', 'content-type', 'foo@@version']);
});
