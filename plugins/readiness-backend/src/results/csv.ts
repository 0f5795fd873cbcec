import type { StoredResult } from '../platform/database/types';

const COLUMNS: Array<
  [string, (r: StoredResult) => string | number | boolean | undefined]
> = [
  ['entity_ref', r => r.entityRef],
  ['title', r => r.title],
  ['kind', r => r.kind],
  ['type', r => r.type],
  ['lifecycle', r => r.lifecycle],
  ['owner', r => r.owner],
  ['system', r => r.system],
  ['domain', r => r.domain],
  ['scorecard', r => r.scorecard],
  ['status', r => r.status],
  ['score', r => r.score],
  ['level', r => r.level],
  ['failing_checks', r => r.failingChecks.join('; ')],
  ['not_applicable_checks', r => r.notApplicableChecks.join('; ')],
  ['changed_at', r => r.changedAt],
  ['stale', r => r.stale],
];

function cell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  // Quote when needed, and defuse values a spreadsheet would run as a formula.
  const safe =
    /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  // `;` too: spreadsheets in many locales split on it.
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV header line. */
export function csvHeader(): string {
  return `${COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

/** CSV lines for a batch of results, one line each. */
export function csvRows(rows: StoredResult[]): string {
  return rows
    .map(r => `${COLUMNS.map(([, get]) => cell(get(r))).join(',')}\r\n`)
    .join('');
}
