import fc from 'fast-check';
import { parseOwnerRef } from './ownerRef';

const name = fc
  .stringMatching(/^[a-z0-9]([a-z0-9._-]{0,20}[a-z0-9])?$/)
  .filter(n => !/[._-]{2}/.test(n));
const namespace = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const kind = fc.constantFrom('group', 'user', 'Group', 'USER');

describe('parseOwnerRef properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (value, ns) => {
        const r = parseOwnerRef(value, ns || 'default');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('reads every shorthand of a valid ref to the same full ref', () => {
    fc.assert(
      fc.property(kind, namespace, name, (k, ns, n) => {
        const full = `${k.toLowerCase()}:${ns}/${n}`;
        expect(parseOwnerRef(`${k}:${ns}/${n}`)).toMatchObject({
          ok: true,
          refString: full,
        });
        expect(parseOwnerRef(`${k}:${n}`, ns)).toMatchObject({
          ok: true,
          refString: full,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads a bare name as a group in the given namespace', () => {
    fc.assert(
      fc.property(namespace, name, (ns, n) => {
        expect(parseOwnerRef(n, ns)).toMatchObject({
          ok: true,
          refString: `group:${ns}/${n}`,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: a parsed ref parses to itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), value => {
        const first = parseOwnerRef(value);
        fc.pre(first.ok);
        const full = (first as { refString: string }).refString;
        expect(parseOwnerRef(full)).toMatchObject({
          ok: true,
          refString: full,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('rejects other kinds with a reason', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('component', 'system', 'api', 'resource'),
        name,
        (k, n) => {
          const r = parseOwnerRef(`${k}:${n}`);
          expect(r.ok).toBe(false);
          expect(!r.ok && r.error).toContain(
            'an owner must be a group or a user',
          );
        },
      ),
    );
  });
});
