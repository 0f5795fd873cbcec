import { mockServices } from '@backstage/backend-test-utils';
import { evaluateCatalog } from '@readiness/backstage-plugin-readiness-common';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import { compactResult, expandResult } from './resultCodec';

const scorecards = ScorecardRegistry.fromConfig(
  mockServices.rootConfig({ data: readinessConfig() }),
);
const results = evaluateCatalog(scorecards.list(), exampleEntities(), {
  now: '2026-11-23T12:00:00.000Z',
  entities: exampleEntities(),
});
const roundTrip = (
  r: (typeof results)[number],
  card = scorecards.get(r.scorecard),
) => expandResult(JSON.parse(JSON.stringify(compactResult(r, card))), card);

describe('stored results', () => {
  it('leave out what the scorecard says, and come back exactly as evaluated', () => {
    expect(results.length).toBeGreaterThan(20);
    for (const r of results) {
      expect(JSON.parse(JSON.stringify(roundTrip(r)))).toEqual(
        JSON.parse(JSON.stringify(r)),
      );
    }
    const ledger = results.find(
      r => r.entityRef === 'component:default/ledger-service',
    )!;
    const full = JSON.stringify(ledger);
    const stored = JSON.stringify(
      compactResult(ledger, scorecards.get(ledger.scorecard)),
    );
    expect(stored.length).toBeLessThan(full.length / 2);
    const check = ledger.checks.find(c => c.remediation)!;
    expect(stored).not.toContain(check.title);
    expect(stored).not.toContain(ledger.verdict);
  });

  it('keep text that differs from the scorecard, and read without one', () => {
    const r = results[0];
    const changed = {
      ...r,
      verdict: 'Written by an older scorecard',
      checks: r.checks.map((c, i) =>
        i === 0 ? { ...c, title: 'Old title' } : c,
      ),
    };
    const back = roundTrip(changed);
    expect(back.verdict).toBe('Written by an older scorecard');
    expect(back.checks[0].title).toBe('Old title');
    // A scorecard no longer configured: stored in full, read as stored.
    expect(roundTrip(r, undefined)).toEqual(r);
  });
});
