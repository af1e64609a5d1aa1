import { main } from '../../packages/fnguard/src/cli/main.ts';
process.exitCode = await main(process.argv.slice(2));
