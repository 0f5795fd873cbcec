import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { scorecardJsonSchema } from './jsonSchema';

const committed = path.resolve(__dirname, '../../schema/scorecard.schema.json');
const examples = path.resolve(__dirname, '../../../../examples/scorecards');

describe('scorecard JSON Schema', () => {
  it('is up to date with the zod schema (run `yarn build:schema` in readiness-common)', () => {
    expect(JSON.parse(fs.readFileSync(committed, 'utf8'))).toEqual(
      scorecardJsonSchema(),
    );
  });

  const validate = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
  }).compile(scorecardJsonSchema());

  it.each(['production.yaml', 'systems.yaml'])(
    'accepts the example %s',
    file => {
      const ok = validate(
        parse(fs.readFileSync(path.join(examples, file), 'utf8')),
      );
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('rejects what editors should flag: unknown types, bad enums, unknown fields', () => {
    const doc = (check: Record<string, unknown>) => ({
      apiVersion: 'readiness/v1',
      kind: 'Scorecard',
      metadata: { name: 'x' },
      spec: {
        areas: [
          {
            id: 'a',
            title: 'A',
            checks: [{ id: 'c', title: 'C', severity: 'critical', ...check }],
          },
        ],
      },
    });
    expect(validate(doc({ type: 'magic', with: {} }))).toBe(false);
    expect(
      validate(
        doc({ type: 'ownership', with: { rule: 'role', role: 'boss' } }),
      ),
    ).toBe(false);
    expect(
      validate(
        doc({ type: 'relation', with: { type: 'partOf' }, colour: 'red' }),
      ),
    ).toBe(false);
    expect(validate(doc({ type: 'relation', with: { type: 'partOf' } }))).toBe(
      true,
    );
  });
});
