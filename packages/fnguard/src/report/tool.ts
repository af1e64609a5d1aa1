import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const TOOL = {
  name: 'fnguard',
  version: pkg.version,
  informationUri: 'https://github.com/fnguard/fnguard',
} as const;
