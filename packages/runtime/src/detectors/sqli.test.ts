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

test('sqli: the walks around ( ; and a closing quote start only where a listed word can begin or end', () => {
  expectDetector(detectSqli, [
    // a function name's last character (a digit for md5, U+212A folding to the k of dblink), ≤ 7 spaces
    ['a and sleep(5)', 'sqli.function'], ['a and sleep       (5)', 'sqli.function'], ['a and md5(1)', 'sqli.function'],
    ['a and dblin\u212a(1)', 'sqli.function'], ['a and chr (1)', 'sqli.function'],
    // a statement word after ';' (spaces and tabs between), SELECT after '(', a keyword after the quote
    ['note; drop table t', 'sqli.stacked'], ['note;  \tDROP table t', 'sqli.stacked'], ['1 and (SELECT 1)', 'sqli.tautology'],
    ["x' OR 1=1--", 'sqli.tautology'], ["x' or ((select 1))--", 'sqli.tautology'], ['DROP TABLE users', 'sqli.statement'],
    // keyword forms whose letters alone select the regex (w f only; u n s)
    ["WAITFOR DELAY '0:0:5'", 'sqli.time'], ['1 UNION SELECT 2', 'sqli.union'],
  ], ['USB-C cable (2 m)', 'Mrs (x)', 'Win64; x64)', 'note; dr', "no. 14 (Mrs O'Neill)", "it's for my sister", 'Drop us a line',
    "Gift wrap please \u2014 it's for my sister", 'problem; thanks!']);
});

test('sqli: a number closing parentheses (spaced or not), and a statement after leading inline comments', () => {
  expectDetector(detectSqli, [
    // WHERE (id = 1 ) or 1=1 / WHERE (id = 1)--): prefixBare skips the ')' run, so the pre-check must too
    ['1 ) or 1=1', 'sqli.tautology'], ['1 )) or 1=1', 'sqli.tautology'], ['1 ) AND 1=1 --', 'sqli.tautology'],
    ['1)--', 'sqli.comment'], ['1 )-- ', 'sqli.comment'], ['1)/**/or/**/1=1', 'sqli.tautology'],
    ['1) union select null--', 'sqli.union'], ["1') or ('1'='1", 'sqli.tautology'], ['/**/1 ) or 1=1', 'sqli.tautology'], ['1 */ or 1=1', 'sqli.tautology'],
    // the tokenizer reads /**/, a stray */ and the opener of /*!50000 as space: a stacked statement after them
    ['/**/select * from users', 'sqli.statement'], ['/**/drop table users', 'sqli.statement'],
    ['*/drop table users', 'sqli.statement'], ['/**//**/DROP TABLE users', 'sqli.statement'],
    ['  /* x */ select * from users', 'sqli.statement'], ['/*!50000select*/ * from users', 'sqli.statement'],
  ], [
    'Notebook (A5) - dotted', '1) Preheat the oven', 'Chapter 2) or later', '-select a colour-', '/**/ is a C comment',
    'see p. 14) or the index', '1) or the index', '1) - item', '2) or 3', '2 * 3 = 6', '*/ is the end', '/* unterminated select * from users',
    // unary minus cannot apply to a bare SELECT: not SQL in any context
    '-select * from users',
  ]);
});
