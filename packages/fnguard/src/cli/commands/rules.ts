import { ALL_RULES } from '../../rules/index.js';
import { oneOf, parseFlags } from '../common.js';
import type { Command } from '../types.js';

const USAGE = `fnguard rules [--format console|json]
List every rule with its id, severity, category, clouds and compliance references.`;

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rules',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, { format: { type: 'string' } }, USAGE);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = oneOf(values.format, ['console', 'json'] as const, '--format', 'console');
    const metas = ALL_RULES.map((r) => r.meta);
    if (format === 'json') io.stdout(`${JSON.stringify(metas, null, 2)}\n`);
    else {
      for (const m of metas) io.stdout(`${m.id.padEnd(44)} ${m.severity.padEnd(8)} ${m.category.padEnd(13)} ${m.clouds.join(',').padEnd(10)} ${m.title}\n`);
      io.stdout(`${metas.length} rules\n`);
    }
    return 0;
  },
};
