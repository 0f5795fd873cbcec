import fs from 'node:fs';
import path from 'node:path';
import { parseScorecard, parseScorecardYaml } from './parse';
import { ScorecardValidationError } from './errors';
import { scorecardDoc } from '../engine/testUtils';
import { GO_LIVE_QUESTIONS } from '../golive/questions';
import { compileScorecard } from '../engine/compile';

function issuesOf(doc: unknown): string[] {
  try {
    parseScorecard(doc, 'card.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ScorecardValidationError);
    expect((e as Error).message).toContain('Invalid scorecard card.yaml');
    return (e as ScorecardValidationError).issues.map(
      i => `${i.path}${i.checkId ? ` [${i.checkId}]` : ''}: ${i.message}`,
    );
  }
  throw new Error('expected the scorecard to be rejected');
}

const check = (extra: Record<string, unknown>) => ({
  id: 'owner',
  title: 'Owner',
  severity: 'critical',
  ...extra,
});

describe('parseScorecard', () => {
  it('accepts a minimal scorecard and applies defaults', () => {
    const spec = parseScorecard(
      scorecardDoc([check({ type: 'relation', with: { type: 'ownedBy' } })]),
    );
    expect(spec.spec.passingScore).toBe(95);
    expect(spec.spec.appliesTo).toEqual({});
    expect(spec.spec.areas[0].checks[0]).toMatchObject({
      with: { type: 'ownedBy', min: 1 },
    });
  });

  it('names the filter key that is not a field path (the fuzz found " ")', () => {
    const doc = scorecardDoc([
      check({ type: 'relation', with: { type: 'ownedBy' } }),
    ]) as any;
    doc.spec.appliesTo = { filter: { ' ': 'x' } };
    expect(issuesOf(doc).join('\n')).toMatch(/spec\.appliesTo\.filter/);
  });

  it('names the field, the check and the allowed values for a bad enum', () => {
    expect(
      issuesOf(
        scorecardDoc([
          check({ id: 'a', type: 'relation', with: { type: 'x' } }),
          check({
            id: 'incident',
            type: 'ownership',
            with: { rule: 'role', role: 'boss' },
          }),
        ]),
      ),
    ).toEqual([
      'spec.areas[0].checks[1].with.role [incident]: expected one of incident, technical, communication',
    ]);
  });

  it('rejects unknown and missing check types', () => {
    expect(
      issuesOf(scorecardDoc([check({ type: 'magic', with: {} })])),
    ).toEqual([
      'spec.areas[0].checks[0].type [owner]: unknown check type "magic"; expected one of catalog, relation, ownership, fact, http, attestation, rollup',
    ]);
    expect(issuesOf(scorecardDoc([check({ with: {} })]))[0]).toContain(
      'missing check type',
    );
  });

  it('rejects duplicate check ids and says where the first one is', () => {
    const doc = scorecardDoc([]);
    doc.spec.areas = [
      {
        id: 'a',
        title: 'A',
        checks: [check({ type: 'relation', with: { type: 'x' } })],
      },
      {
        id: 'b',
        title: 'B',
        checks: [check({ type: 'relation', with: { type: 'y' } })],
      },
    ];
    expect(issuesOf(doc)).toEqual([
      'spec.areas[1].checks[0].id [owner]: duplicate check id "owner" (also at spec.areas[0].checks[0])',
    ]);
  });

  it('rejects duplicate area ids', () => {
    const doc = scorecardDoc([]);
    const c = (id: string) =>
      check({ id, type: 'relation', with: { type: 'x' } });
    doc.spec.areas = [
      { id: 'a', title: 'A', checks: [c('one')] },
      { id: 'a', title: 'A again', checks: [c('two')] },
    ];
    expect(issuesOf(doc)).toEqual([
      'spec.areas[1].id: duplicate area id "a" (also at spec.areas[0])',
    ]);
  });

  it('rejects levels that name missing checks', () => {
    const doc = scorecardDoc(
      [check({ type: 'relation', with: { type: 'x' } })],
      {
        levels: [{ id: 'pilot', title: 'Pilot', checks: ['owner', 'nope'] }],
      },
    );
    expect(issuesOf(doc)).toEqual([
      'spec.levels[0].checks[1]: level "pilot" names check "nope", which is not in this scorecard',
    ]);
  });

  it('rejects go-live questions that name missing checks, or twice the same id', () => {
    const doc = scorecardDoc(
      [check({ type: 'relation', with: { type: 'x' } })],
      {
        goLive: {
          questions: [
            { id: 'q', question: 'Who?', checks: ['owner'] },
            { id: 'q', question: 'How?', checks: ['owner', 'nope'] },
          ],
        },
      },
    );
    expect(issuesOf(doc)).toEqual([
      'spec.goLive.questions[1].id: duplicate question id "q"',
      'spec.goLive.questions[1].checks[1]: question "q" is answered by check "nope", which is not in this scorecard',
    ]);
  });

  it('asks by default only the questions of [000] that one of its checks answers', () => {
    const ids = (checkId: string) =>
      compileScorecard(
        parseScorecard(
          scorecardDoc([
            check({ id: checkId, type: 'relation', with: { type: 'x' } }),
          ]),
        ),
      ).goLiveQuestions.map(q => q.id);
    expect(ids('owner')).toEqual([]);
    expect(ids('runbook')).toEqual(['first-15-minutes']);
  });

  it('writes out the six questions of [000] in the example production scorecard, as the default asks them', () => {
    const [spec] = parseScorecardYaml(
      fs.readFileSync(
        path.resolve(
          __dirname,
          '../../../../examples/scorecards/production.yaml',
        ),
        'utf8',
      ),
    );
    expect(spec.spec.goLive?.questions).toEqual(GO_LIVE_QUESTIONS);
  });

  it('rejects regular expressions that do not compile', () => {
    const issues = issuesOf(
      scorecardDoc([
        check({
          type: 'catalog',
          with: { path: 'spec.type', op: 'matches', pattern: '(' },
        }),
      ]),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^spec\.areas\[0\]\.checks\[0\]\.with\.pattern \[owner\]: regular expression does not compile/,
    );
  });

  it('finds errors inside nested predicates', () => {
    const issues = issuesOf(
      scorecardDoc([
        check({
          type: 'catalog',
          with: {
            any: [
              { path: 'spec.type', op: 'exists' },
              { not: { path: 'spec[', op: 'exists' } },
            ],
          },
        }),
      ]),
    );
    expect(issues).toEqual([
      'spec.areas[0].checks[0].with.any[1].not.path [owner]: invalid path "spec[" at position 5: missing ]',
    ]);
  });

  it('requires the parameter an operator needs', () => {
    expect(
      issuesOf(
        scorecardDoc([
          check({
            id: 'a',
            type: 'catalog',
            with: { path: 'spec.type', op: 'equals' },
          }),
          check({
            id: 'b',
            type: 'fact',
            with: { fact: 'load', op: 'lte', value: 'fast' },
          }),
          check({
            id: 'c',
            type: 'catalog',
            with: { path: 'spec.type', op: 'oneOf' },
          }),
        ]),
      ),
    ).toEqual([
      'spec.areas[0].checks[0].with.value [a]: op "equals" needs a value to compare with',
      'spec.areas[0].checks[1].with.value [b]: op "lte" needs a number or a duration (4h, PT4H, 30d), got "fast"',
      'spec.areas[0].checks[2].with.values [c]: op "oneOf" needs a list of values',
    ]);
  });

  it('accepts a duration as the limit of an ordering op (RTO ≤ 4h)', () => {
    const spec = parseScorecard(
      scorecardDoc([
        check({
          id: 'rto',
          type: 'catalog',
          with: {
            path: "metadata.annotations['readiness/rto']",
            op: 'lte',
            value: '4h',
          },
        }),
      ]),
    );
    expect(spec.spec.areas[0].checks[0]).toMatchObject({
      with: { op: 'lte', value: '4h' },
    });
    expect(
      issuesOf(
        scorecardDoc([
          check({
            type: 'fact',
            with: { fact: 'dr', op: 'lt', value: '4 hours' },
          }),
        ]),
      ),
    ).toEqual([
      'spec.areas[0].checks[0].with.value [owner]: op "lt" needs a number or a duration (4h, PT4H, 30d), got "4 hours"',
    ]);
  });

  it('rejects unknown fields, bad durations, dates and weights', () => {
    expect(
      issuesOf(
        scorecardDoc([
          check({ id: 'a', type: 'relation', with: { type: 'x', tpye: 'y' } }),
          check({
            id: 'b',
            type: 'fact',
            with: { fact: 'f', op: 'exists', maxAge: 'a month' },
          }),
          check({
            id: 'c',
            type: 'relation',
            with: { type: 'x' },
            enforceFrom: 'soon',
            weight: -1,
          }),
          check({ id: 'd', type: 'rollup', with: { require: 'min-score' } }),
        ]),
      ),
    ).toEqual([
      'spec.areas[0].checks[0].with [a]: unknown field tpye',
      'spec.areas[0].checks[1].with.maxAge [b]: expected a duration such as P30D, PT12H, 30d or 12h',
      'spec.areas[0].checks[2].weight [c]: Too small: expected number to be >0',
      'spec.areas[0].checks[2].enforceFrom [c]: expected a date as YYYY-MM-DD',
      'spec.areas[0].checks[3].with.minScore [d]: require "min-score" needs minScore',
    ]);
  });

  it('checks the envelope', () => {
    expect(
      issuesOf({
        apiVersion: 'v2',
        kind: 'Scorecard',
        metadata: { name: 'Bad Name' },
        spec: {},
      }),
    ).toEqual([
      'apiVersion: expected "readiness/v1"',
      'metadata.name: metadata.name must be lowercase letters, digits and - _ . (for example "incident-owner")',
      'spec.areas: required (expected array)',
    ]);
  });
});

describe('parseScorecardYaml', () => {
  it('names the file and the line of a YAML error', () => {
    expect(() => parseScorecardYaml('a: [1, 2', 'broken.yaml')).toThrow(
      /Invalid scorecard broken\.yaml:\n {2}- \(document\): YAML: .*line 1/,
    );
  });

  it('reads several documents and names the document in errors', () => {
    const one =
      'apiVersion: readiness/v1\nkind: Scorecard\nmetadata: {name: a}\nspec:\n  areas: [{id: x, title: X, checks: [{id: c, title: C, severity: required, type: relation, with: {type: partOf}}]}]\n';
    expect(
      parseScorecardYaml(
        `${one}---\n${one.replace('name: a', 'name: b')}`,
        'two.yaml',
      ).map(s => s.metadata.name),
    ).toEqual(['a', 'b']);
    expect(() =>
      parseScorecardYaml(`${one}---\nkind: Nope\n`, 'two.yaml'),
    ).toThrow(/two\.yaml \(document 2\)/);
  });

  it.each(['production.yaml', 'systems.yaml'])(
    'accepts the example scorecard %s',
    file => {
      const text = fs.readFileSync(
        path.resolve(__dirname, '../../../../examples/scorecards', file),
        'utf8',
      );
      expect(parseScorecardYaml(text, file)).toHaveLength(1);
    },
  );
});
