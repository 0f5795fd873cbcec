import { compileScorecard } from './compile';
import { createEvaluationContext } from './context';
import { evaluateEntity } from './evaluate';
import { parseScorecard } from '../scorecard/parse';
import { component, NOW, scorecardDoc } from './testUtils';

const has = (key: string) => ({
  path: `metadata.annotations['${key}']`,
  op: 'notEmpty',
});
const checks = [
  {
    id: 'crit',
    title: 'Critical',
    severity: 'critical',
    type: 'catalog',
    with: has('crit'),
  },
  {
    id: 'req',
    title: 'Required',
    severity: 'required',
    type: 'catalog',
    with: has('req'),
  },
  {
    id: 'rec',
    title: 'Recommended',
    severity: 'recommended',
    type: 'catalog',
    with: has('rec'),
  },
];
const card = (spec: Record<string, unknown> = {}, list: unknown[] = checks) =>
  compileScorecard(parseScorecard(scorecardDoc(list, spec)));
const annotated = (...keys: string[]) =>
  component('svc', {
    annotations: Object.fromEntries(keys.map(k => [k, 'yes'])),
  });
const evaluate = (
  c = card(),
  e = annotated(),
  extra: Record<string, unknown> = {},
) => evaluateEntity(c, e, createEvaluationContext({ now: NOW, ...extra }));

describe('evaluateEntity', () => {
  it('weights checks by severity: critical 5, required 3, recommended 1', () => {
    expect(evaluate(card(), annotated('crit', 'req', 'rec')).score).toBe(100);
    expect(evaluate(card(), annotated('crit', 'req')).score).toBe(88.9); // 8 of 9
    expect(evaluate(card(), annotated('crit', 'rec')).score).toBe(66.7); // 6 of 9
    expect(evaluate(card(), annotated()).score).toBe(0);
  });

  it('blocks when a critical check does not pass, whatever the score', () => {
    const r = evaluate(card({ passingScore: 10 }), annotated('req', 'rec'));
    expect(r.status).toBe('blocked');
    expect(r.verdict).toMatch(/^Not ready/);
  });

  it('is ready at or above the passing score and needs work below it', () => {
    expect(
      evaluate(card({ passingScore: 88.9 }), annotated('crit', 'req')).status,
    ).toBe('ready');
    expect(
      evaluate(card({ passingScore: 95 }), annotated('crit', 'req')).status,
    ).toBe('needs-work');
    expect(evaluate(card(), annotated('crit', 'req', 'rec')).status).toBe(
      'ready',
    );
  });

  it('uses custom weights and verdicts', () => {
    const list = [{ ...checks[1], weight: 9 }, checks[2]];
    const r = evaluate(
      card({ verdicts: { 'needs-work': 'Pilot only.' } }, list),
      annotated('rec'),
    );
    expect(r.score).toBe(10);
    expect(r.verdict).toBe('Pilot only.');
  });

  it('scores each area and lists its failing checks', () => {
    const doc = scorecardDoc([]);
    doc.spec.areas = [
      { id: 'a', title: 'A', checks: [checks[0]] },
      { id: 'b', title: 'B', checks: [checks[1], checks[2]] },
    ];
    const r = evaluateEntity(
      compileScorecard(parseScorecard(doc)),
      annotated('crit', 'rec'),
      createEvaluationContext({ now: NOW }),
    );
    expect(r.areas).toEqual([
      { id: 'a', title: 'A', score: 100, passed: 1, total: 1, failing: [] },
      { id: 'b', title: 'B', score: 25, passed: 1, total: 2, failing: ['req'] },
    ]);
  });

  it('turns exempted checks into exempt results that do not count, until the exemption expires', () => {
    const exemptions = {
      'component:default/svc': [
        {
          checkId: 'crit',
          reason: 'Stateless',
          approvedBy: 'user:default/priya',
          expiresAt: '2027-01-01T00:00:00Z',
        },
        {
          checkId: 'req',
          reason: 'Old',
          approvedBy: 'user:default/priya',
          expiresAt: '2026-01-01T00:00:00Z',
        },
      ],
    };
    const r = evaluate(card(), annotated('rec'), { exemptions });
    const crit = r.checks.find(c => c.checkId === 'crit')!;
    expect(crit).toMatchObject({
      result: 'exempt',
      counted: false,
      message:
        'Exempt until 2027-01-01: Stateless (approved by user:default/priya)',
    });
    const req = r.checks.find(c => c.checkId === 'req')!;
    expect(req.result).toBe('fail');
    expect(req.message).toMatch(
      / \(the exemption approved by user:default\/priya expired on 2026-01-01\)$/,
    );
    expect(r.status).toBe('needs-work');
    expect(r.score).toBe(25); // rec passes (1) of req + rec (4)
  });

  it('shows failures of checks not yet enforced as upcoming, without counting them', () => {
    const list = [checks[0], { ...checks[1], enforceFrom: '2027-01-01' }];
    const before = evaluate(card({}, list), annotated('crit'));
    expect(before.checks[1]).toMatchObject({
      result: 'fail',
      upcoming: true,
      counted: false,
      enforceFrom: '2027-01-01',
    });
    expect(before).toMatchObject({ score: 100, status: 'ready' });
    const after = evaluateEntity(
      card({}, list),
      annotated('crit'),
      createEvaluationContext({ now: '2027-01-02T00:00:00Z' }),
    );
    expect(after.checks[1]).toMatchObject({ result: 'fail', counted: true });
    expect(after.checks[1].upcoming).toBeUndefined();
    expect(after.status).toBe('needs-work');
  });

  it('gives the highest level whose checks, and those of every lower level, pass', () => {
    const levels = [
      { id: 'pilot', title: 'Pilot', checks: ['crit'] },
      { id: 'launch', title: 'Launch', checks: ['req'] },
      { id: 'mature', title: 'Mature', checks: ['rec'] },
    ];
    expect(evaluate(card({ levels }), annotated('crit', 'req')).level).toEqual({
      id: 'launch',
      title: 'Launch',
    });
    expect(evaluate(card({ levels }), annotated('crit', 'rec')).level).toEqual({
      id: 'pilot',
      title: 'Pilot',
    });
    expect(
      evaluate(card({ levels }), annotated('req', 'rec')).level,
    ).toBeUndefined();
  });

  it('isolates a check that throws: it gives an error and the others still run', () => {
    const e = annotated('crit', 'req', 'rec');
    Object.defineProperty(e.metadata, 'description', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const list = [
      ...checks,
      {
        id: 'desc',
        title: 'Description',
        severity: 'recommended',
        type: 'catalog',
        with: { path: 'metadata.description', op: 'exists' },
      },
    ];
    const r = evaluate(card({}, list), e);
    expect(r.checks.map(c => c.result)).toEqual([
      'pass',
      'pass',
      'pass',
      'error',
    ]);
    expect(r.checks[3].message).toBe('Could not evaluate: boom');
  });

  it('gives identical output for identical input', () => {
    const a = evaluate(card(), annotated('crit'));
    const b = evaluate(card(), annotated('crit'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.evaluatedAt).toBe(NOW);
  });

  it('carries remediation text and link to the result', () => {
    const list = [
      { ...checks[0], remediation: { text: 'Add it', link: 'https://docs' } },
    ];
    expect(evaluate(card({}, list)).checks[0].remediation).toEqual({
      text: 'Add it',
      link: 'https://docs',
    });
  });
});

describe('appliesTo', () => {
  const applies = (
    appliesTo: Record<string, unknown>,
    e = component('svc', { tags: ['java'] }),
  ) => card({ appliesTo }).appliesTo(e);

  it('matches kinds, types, lifecycles and tags, case-insensitively', () => {
    expect(applies({})).toBe(true);
    expect(
      applies({
        kinds: ['component'],
        types: ['Service'],
        lifecycles: ['production'],
        tags: ['JAVA', 'go'],
      }),
    ).toBe(true);
    expect(applies({ kinds: ['System'] })).toBe(false);
    expect(applies({ types: ['website'] })).toBe(false);
    expect(applies({ lifecycles: ['experimental'] })).toBe(false);
    expect(applies({ tags: ['go'] })).toBe(false);
  });

  it('supports catalog-style filters: values, lists, exists, and a list of alternatives', () => {
    const e = component('svc', { annotations: { 'readiness/runbook': 'x' } });
    expect(
      applies({ filter: { 'spec.type': ['service', 'website'] } }, e),
    ).toBe(true);
    expect(
      applies(
        {
          filter: {
            "metadata.annotations['readiness/runbook']": { exists: true },
          },
        },
        e,
      ),
    ).toBe(true);
    expect(
      applies(
        {
          filter: {
            "metadata.annotations['readiness/runbook']": { exists: false },
          },
        },
        e,
      ),
    ).toBe(false);
    expect(
      applies(
        { filter: [{ 'spec.type': 'website' }, { 'spec.owner': 'payments' }] },
        e,
      ),
    ).toBe(true);
    expect(
      applies(
        { filter: { 'spec.type': 'service', 'spec.owner': 'identity' } },
        e,
      ),
    ).toBe(false);
  });
});
