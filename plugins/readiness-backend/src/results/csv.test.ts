import { csvHeader, csvRows } from './csv';
import type { StoredResult } from '../platform/database/types';

const row = (over: Partial<StoredResult>): StoredResult => ({
  entityRef: 'component:default/a',
  scorecard: 'production',
  kind: 'component',
  namespace: 'default',
  name: 'a',
  status: 'ready',
  score: 100,
  failingChecks: [],
  notApplicableChecks: [],
  areaScores: {},
  changedAt: '2026-11-23T12:00:00.000Z',
  stale: false,
  ...over,
});

describe('csv', () => {
  it('writes one line per result with a header', () => {
    expect(csvHeader()).toBe(
      'entity_ref,title,kind,type,lifecycle,owner,system,domain,scorecard,status,score,level,failing_checks,not_applicable_checks,changed_at,stale\r\n',
    );
    expect(
      csvRows([
        row({
          failingChecks: ['a', 'b'],
          notApplicableChecks: ['model-rollback'],
          level: 'pilot',
        }),
      ]),
    ).toBe(
      'component:default/a,,component,,,,,,production,ready,100,pilot,"a; b",model-rollback,2026-11-23T12:00:00.000Z,false\r\n',
    );
  });

  it('quotes semicolons, on which spreadsheets in many locales split', () => {
    expect(csvRows([row({ title: 'Pay; refund' })]).split(',')[1]).toBe(
      '"Pay; refund"',
    );
  });

  it('quotes commas, quotes and new lines, and defuses formulas', () => {
    const line = csvRows([
      row({ title: 'Pay, "fast"\nservice' }),
      row({ title: '=HYPERLINK("x")' }),
    ]);
    expect(line.split('\r\n')[0].split(',')[1]).toBe('"Pay');
    expect(line).toContain('"Pay, ""fast""\nservice"');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it.each([
    ['=', '=1+1', "'=1+1"],
    ['+', '+1+1', "'+1+1"],
    ['-', '-1+1', "'-1+1"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1+1', "'\t=1+1"],
    ['carriage return', '\r=1+1', '"\'\r=1+1"'],
  ])('defuses a cell starting with %s', (_, title, written) => {
    expect(csvRows([row({ title })]).split(',')[1]).toBe(written);
  });

  it('leaves numbers alone, also negative ones', () => {
    expect(csvRows([row({ score: -5 })]).split(',')[10]).toBe('-5');
  });
});
