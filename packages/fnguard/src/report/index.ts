import type { ScanResult } from '../findings/types.js';
import { renderConsole } from './console.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';

export const REPORT_FORMATS = ['console', 'json', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(res: ScanResult, format: ReportFormat, opts: { color: boolean; verbose?: boolean }): string {
  switch (format) {
    case 'console':
      return renderConsole(res, opts);
    case 'json':
      return renderJson(res);
    case 'sarif':
      return renderSarif(res);
    case 'junit':
      return renderJunit(res);
  }
}
