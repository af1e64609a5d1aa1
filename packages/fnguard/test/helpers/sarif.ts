import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';

const require = createRequire(import.meta.url);

/** The official SARIF 2.1.0 JSON schema (draft-04), as shipped by Microsoft's sarif-js-sdk. */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's language-tag pattern is not valid as a unicode regular expression.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  return ajv.compile(schema);
}
