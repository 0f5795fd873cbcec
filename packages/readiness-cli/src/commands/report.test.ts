import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { GO_LIVE_QUESTIONS } from '@readiness/backstage-plugin-readiness-common';
import { runReport } from './report';

const root = path.resolve(__dirname, '../../../..');
const examples = (p: string) => path.join(root, 'examples', p);
const report = (entity: string) =>
  runReport([examples('all.yaml')], {
    entity,
    scorecard: [examples('scorecards/production.yaml')],
    facts: examples('evidence.json'),
    now: '2026-11-23T12:00:00Z',
  });

describe('readiness report', () => {
  it('writes the go-live note of payments-api', () => {
    const { stdout, exitCode } = report('payments-api');
    expect(exitCode).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it('asks every one of the six questions, answered or "unanswered"', () => {
    for (const name of ['payments-api', 'loyalty-points', 'support-portal']) {
      const { stdout } = report(name);
      for (const q of GO_LIVE_QUESTIONS) expect(stdout).toContain(q.question);
    }
    const ready = report('payments-api').stdout;
    // Ready, but nobody signed: not a launch yet.
    expect(ready).toContain('**Ready, awaiting sign-off (0 of 5 roles)');
    expect(ready).not.toContain('Unanswered');
    // Below the pass mark: not ready, naming where it falls short.
    const pilot = report('support-portal').stdout;
    expect(pilot).toContain(
      '**Not ready to go live: the score is 92.5, below the pass mark of 95. Open in Operational ownership and Observability.**',
    );
    // Blocked: the note names what blocks.
    expect(report('loyalty-points').stdout).toMatch(
      /\*\*Not ready to go live: blocked by Incident owner is named and reachable, /,
    );
    // Q1 needs a runbook, which support-portal lacks.
    const q1 = pilot.slice(
      pilot.indexOf(GO_LIVE_QUESTIONS[0].question),
      pilot.indexOf(GO_LIVE_QUESTIONS[1].question),
    );
    expect(q1).toContain('Unanswered.');
    expect(q1).toContain('✗ Runbook is linked');
    const launching = report('component:loyalty-points').stdout;
    expect(launching).toContain('Go-live date: 2026-12-07 (T-14: Preparing');
    expect(launching).toContain('**Not ready to go live');
    expect(launching).toMatch(/\| Security team \| not signed \|/);
  });

  it('names the entity it cannot find', () => {
    expect(report('nope')).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining(
        '--entity: no entity "nope" in the files',
      ),
    });
  });

  it('asks the questions the scorecard sets, and none when it sets an empty list', () => {
    const doc = parse(
      fs.readFileSync(examples('scorecards/production.yaml'), 'utf8'),
    );
    doc.spec.goLive.questions = [
      {
        id: 'pager',
        question: 'Does the pager reach the on-call team tonight?',
        checks: ['incident-owner'],
      },
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-report-'));
    const own = path.join(dir, 'own.yaml');
    fs.writeFileSync(own, stringify(doc));
    const withOwn = (file: string) =>
      runReport([examples('all.yaml')], {
        entity: 'payments-api',
        scorecard: [file],
        facts: examples('evidence.json'),
        now: '2026-11-23T12:00:00Z',
      }).stdout;
    const asked = withOwn(own);
    expect(asked).toContain(
      '1. **Does the pager reach the on-call team tonight?** Answered.',
    );
    for (const q of GO_LIVE_QUESTIONS) expect(asked).not.toContain(q.question);
    doc.spec.goLive.questions = [];
    fs.writeFileSync(own, stringify(doc));
    expect(withOwn(own)).not.toContain('## Questions before go-live');
  });
});
