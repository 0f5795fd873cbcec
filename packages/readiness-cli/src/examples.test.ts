import fs from 'node:fs';
import path from 'node:path';
import { runCheck } from './commands/check';

const root = path.resolve(__dirname, '../../..');
const examples = (p: string) => path.join(root, 'examples', p);

describe('readiness check over the example catalog', () => {
  const { stdout, exitCode } = runCheck([examples('all.yaml')], {
    scorecard: [
      examples('scorecards/production.yaml'),
      examples('scorecards/systems.yaml'),
      examples('scorecards/groups.yaml'),
    ],
    facts: examples('evidence.json'),
    format: 'json',
    failOn: 'blocked',
    now: '2026-11-23T12:00:00Z',
  });
  const results: Array<{
    entityRef: string;
    scorecard: string;
    status: string;
    checks: Array<{ checkId: string; result: string; counted: boolean }>;
  }> = JSON.parse(stdout);
  const statusOf = (ref: string) =>
    results.find(r => r.entityRef === ref)?.status;
  const failing = (ref: string) =>
    results
      .find(r => r.entityRef === ref)!
      .checks.filter(c => c.counted && c.result !== 'pass')
      .map(c => c.checkId);

  it.each([
    ['payments-api', 'ready'],
    ['checkout-web', 'ready'],
    ['auth-service', 'ready'],
    ['status-page', 'ready'],
    ['metrics-gateway', 'ready'],
    ['support-portal', 'needs-work'],
    // Critical in the default scorecard: roles held separately ([000]),
    // health checks passing ([001] launch day), the support gate ([000]).
    ['session-service', 'blocked'],
    ['user-profile-service', 'blocked'],
    ['ticket-router', 'blocked'],
    ['search-indexer', 'blocked'],
    ['notification-service', 'blocked'],
    ['ledger-service', 'blocked'],
    ['invoice-generator', 'blocked'],
    ['fraud-scoring', 'blocked'],
    ['deploy-bot', 'blocked'],
  ])('%s is %s', (name, status) => {
    expect(statusOf(`component:default/${name}`)).toBe(status);
  });

  it('fails each example for the reason it was built to show', () => {
    expect(failing('component:default/ledger-service')).toEqual([
      'incident-owner',
    ]);
    expect(failing('component:default/deploy-bot')).toEqual([
      'communication-owner',
    ]);
    expect(failing('component:default/session-service')).toEqual([
      'roles-separate',
    ]);
    expect(failing('component:default/notification-service')).toEqual([
      'support-channel',
    ]);
    expect(failing('component:default/user-profile-service')).toEqual([
      'health-responds',
      'health-latency',
    ]);
    expect(failing('component:default/invoice-generator')).toContain(
      'technical-owner',
    );
    expect(failing('component:default/fraud-scoring')).toEqual(
      expect.arrayContaining([
        'incident-owner',
        'technical-owner',
        'communication-owner',
        'secrets-outside-repo',
        'rollback-rehearsed',
      ]),
    );
    expect(failing('component:default/support-portal')).toContain('runbook');
    expect(failing('component:default/ticket-router')).toContain('health-url');
  });

  it('scores an experimental service with a go-live date before launch', () => {
    expect(statusOf('component:default/loyalty-points')).toBe('blocked');
    expect(failing('component:default/loyalty-points')).toContain(
      'incident-owner',
    );
  });

  it('counts items, not weights: 95 % of items and every critical one', () => {
    // 40 counted items (model-rollback exempt); the two open ones are not critical.
    const r = results.find(
      x => x.entityRef === 'component:default/user-profile-service',
    ) as unknown as { score: number; checks: Array<{ weight: number }> };
    expect(r.score).toBe(95);
    expect(r.checks.every(c => c.weight === 1)).toBe(true);
    expect(statusOf('component:default/support-portal')).toBe('needs-work'); // 37 of 40
  });

  it('leaves other experimental components and libraries out of the production scorecard', () => {
    for (const name of [
      'passkey-prototype',
      'chat-assistant',
      'payments-sdk',
      'auth-client',
      'ui-kit',
    ]) {
      expect(statusOf(`component:default/${name}`)).toBeUndefined();
    }
  });

  it('scores a team by what it owns, its sub-teams included', () => {
    // Payments owns invoice-generator and ledger-service (blocked); its
    // sub-team payments-risk owns fraud-scoring.
    expect(statusOf('group:default/payments')).toBe('blocked');
    expect(statusOf('group:default/payments-risk')).toBe('blocked');
    const payments = results.find(
      r => r.entityRef === 'group:default/payments',
    )!;
    expect(payments.scorecard).toBe('team-rollup');
    // The top group answers for everything beneath it.
    expect(statusOf('group:default/leadership')).toBe('blocked');
  });

  it('rolls parts up into systems and domains', () => {
    expect(statusOf('system:default/checkout')).toBe('blocked'); // fraud-scoring
    expect(statusOf('system:default/identity-platform')).toBe('blocked'); // session-service
    expect(statusOf('domain:default/commerce')).toBe('blocked');
  });

  it('exits 1 because some results are blocked', () => {
    expect(exitCode).toBe(1);
  });
});

describe('the default scorecard', () => {
  it('cites the checklist item each check comes from', () => {
    const lines = fs
      .readFileSync(examples('scorecards/production.yaml'), 'utf8')
      .split('\n');
    const uncited: string[] = [];
    lines.forEach((line, i) => {
      if (!line.startsWith('        - id: ')) return;
      let cited = false;
      for (let j = i - 1; j >= 0 && lines[j].startsWith('        #'); j--) {
        if (/\[00[0-4]\]/.test(lines[j])) cited = true;
      }
      if (!cited) uncited.push(line.trim());
    });
    expect(uncited).toEqual([]);
  });
});
