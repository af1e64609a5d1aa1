import { functionsOf } from '../define.js';
import { UNSUPPORTED_RUNTIME } from '../compliance.js';
import { azureRule, fnKey, known, today } from './util.js';

/**
 * Language versions of Azure Functions and the day their support ends. Azure retires a language
 * version on its community end-of-life date (Azure Functions language runtime support policy),
 * so these are the communities' published dates. Java is left out: its support follows the JDK vendor.
 */
export const AZURE_LANGUAGE_EOL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  node: { '6': '2019-04-30', '8': '2019-12-31', '10': '2021-04-30', '12': '2022-04-30', '14': '2023-04-30', '16': '2023-09-11', '18': '2025-04-30', '20': '2026-04-30', '22': '2027-04-30', '24': '2028-04-30' },
  python: { '3.6': '2021-12-23', '3.7': '2023-06-27', '3.8': '2024-10-07', '3.9': '2025-10-31', '3.10': '2026-10-31', '3.11': '2027-10-31', '3.12': '2028-10-31', '3.13': '2029-10-31' },
  dotnet: { '2': '2021-08-21', '3': '2022-12-13', '5': '2022-05-10', '6': '2024-11-12', '7': '2024-05-14', '8': '2026-11-10', '9': '2026-11-10', '10': '2028-11-14' },
  powershell: { '6': '2020-09-04', '7.0': '2022-12-03', '7.2': '2024-11-08', '7.4': '2026-11-10' },
};

/** `node|~18`, `python|3.11`, `dotnet-isolated|v8.0`, `powershell|7.2` → [language, version key]. */
export function languageVersion(runtime: string): [string, string] | undefined {
  const [rawLang, rawVer] = runtime.toLowerCase().split('|');
  if (!rawLang || !rawVer) return undefined;
  const lang = rawLang.replace(/-isolated$/, '');
  const m = /^(\d+)(?:\.(\d+))?/.exec(rawVer.trim().replace(/^[~v]/, ''));
  if (!m) return undefined;
  const [, major, minor] = m;
  if (lang === 'node' || lang === 'dotnet') return [lang, major!];
  if (lang === 'python' || lang === 'powershell') return minor === undefined && !(lang === 'powershell' && major === '6') ? undefined : [lang, major === '6' ? '6' : `${major}.${minor}`];
  return undefined;
}

export default azureRule(
  {
    id: 'AZURE_FUNCTION_RUNTIME_EOL',
    title: 'Azure function uses a language version past its end of life',
    severity: 'medium',
    category: 'supply-chain',
    description:
      'The function app\'s language stack (`linuxFxVersion`, `FUNCTIONS_WORKER_RUNTIME` with its version setting, or the Terraform ' +
      '`application_stack`) names a Node.js, Python, .NET or PowerShell version whose community support has ended; Azure Functions retires ' +
      'language versions on that date. The runtime no longer receives security fixes. The date is compared with today (rule option `today` overrides it).',
    remediation: 'Upgrade to a supported language version (e.g. Node.js 22, Python 3.12, .NET 10 isolated, PowerShell 7.4 successor), test, and redeploy.',
    compliance: { ...UNSUPPORTED_RUNTIME },
  },
  function* (ctx) {
    const now = today(ctx);
    for (const fn of functionsOf(ctx.model, 'azure')) {
      if (!known(fn.runtime)) continue;
      const lv = languageVersion(fn.runtime.value);
      const end = lv && AZURE_LANGUAGE_EOL[lv[0]]?.[lv[1]];
      if (!lv || !end || end > now) continue;
      yield {
        message: `Function "${fn.name}" runs ${lv[0]} ${lv[1]}, past end of life since ${end}.`,
        loc: fn.runtime.loc,
        fn,
        key: fnKey(fn, 'runtime', `${lv[0]}${lv[1]}`),
      };
    }
  },
);
