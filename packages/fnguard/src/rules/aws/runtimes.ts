/**
 * Lambda managed runtimes and their deprecation dates (the date Lambda stops applying security
 * patches), as published in the AWS Lambda developer guide, "Lambda runtimes"
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html). Dates are UTC days.
 * Runtimes not listed (e.g. a newer release) are treated as supported.
 * Several Amazon Linux 2 based runtimes share the AL2 end of support date, 2026-06-30.
 */
export const RUNTIME_DEPRECATION: Readonly<Record<string, string>> = {
  // Node.js
  nodejs: '2016-10-31',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  'nodejs6.10': '2019-08-12',
  'nodejs8.10': '2020-03-06',
  'nodejs10.x': '2021-07-30',
  'nodejs12.x': '2023-03-31',
  'nodejs14.x': '2023-12-04',
  'nodejs16.x': '2024-06-12',
  'nodejs18.x': '2025-09-01',
  'nodejs20.x': '2026-04-30',
  'nodejs22.x': '2027-04-30',
  'nodejs24.x': '2028-04-30',
  // Python
  'python2.7': '2021-07-15',
  'python3.6': '2022-07-18',
  'python3.7': '2023-12-04',
  'python3.8': '2024-10-14',
  'python3.9': '2025-12-15',
  'python3.10': '2026-06-30',
  'python3.11': '2026-06-30',
  'python3.12': '2028-10-31',
  'python3.13': '2029-06-30',
  'python3.14': '2029-06-30',
  // Java
  java8: '2024-01-08',
  'java8.al2': '2026-06-30',
  java11: '2026-06-30',
  java17: '2026-06-30',
  java21: '2029-06-30',
  java25: '2029-06-30',
  // .NET
  'dotnetcore1.0': '2019-07-27',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore2.1': '2022-01-05',
  'dotnetcore3.1': '2023-04-03',
  'dotnet5.0': '2022-05-10',
  dotnet6: '2024-12-20',
  dotnet7: '2024-05-14',
  dotnet8: '2026-11-10',
  // Ruby
  'ruby2.5': '2021-07-30',
  'ruby2.7': '2023-12-07',
  'ruby3.2': '2026-03-31',
  'ruby3.3': '2027-03-31',
  'ruby3.4': '2028-03-31',
  // Go and OS-only
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'provided.al2': '2026-06-30',
  'provided.al2023': '2029-06-30',
};

const DAY_MS = 86_400_000;

export interface RuntimeStatus {
  runtime: string;
  /** Deprecation date, YYYY-MM-DD. */
  date: string;
  /** Whole days from `now` to the deprecation date (negative: already deprecated). */
  daysLeft: number;
}

export function runtimeStatus(runtime: string, now: Date): RuntimeStatus | undefined {
  const id = String(runtime).trim().toLowerCase();
  const date = RUNTIME_DEPRECATION[id];
  if (!date) return undefined;
  const daysLeft = Math.floor((Date.parse(`${date}T00:00:00Z`) - now.getTime()) / DAY_MS);
  return { runtime: id, date, daysLeft };
}
