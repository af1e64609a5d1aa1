import { test } from 'node:test';
import { detectTemplate } from './template.js';
import { expectDetector } from './detectors.testkit.js';

test('template: expressions inside placeholders, lookups, directives; plain placeholders pass', () => {
  expectDetector(detectTemplate, [
    ['{{ 3*3 }}', 'template.expression'], ['{{ self }}', 'template.expression'], ['${jndi:rmi://x/y}', 'template.lookup'],
    ['${env:HOME}', 'template.lookup'], ['#{1+1}', 'template.expression'], ['<%= 1 %>', 'template.erb'], ['{% import x %}', 'template.statement'],
    ['<#assign x=1>', 'template.directive'], ['{{a.__class__}}', 'template.expression'],
  ], ['Hello {{name}}', '{{ user.first_name }}', '${HOME}/bin', 'Price {5}', 'JSON {"a": 1}', '100% sure', '{ } and #{', '[[link]]', '{% endraw']);
});

test('template: directives and openers are found in any case once their characters are present', () => {
  expectDetector(detectTemplate, [['#SET($x=1)', 'template.directive'], ['a*{7*7}', 'template.expression'], ['${jndi:ldap://x}', 'template.lookup']], ['a*b{c}', 'x < y', '#set x']);
});
