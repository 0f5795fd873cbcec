import { mockServices } from '@backstage/backend-test-utils';
import { ReadinessBackendOwnershipEdits } from './OwnershipEdits';

describe('ReadinessBackendOwnershipEdits', () => {
  const discovery = mockServices.discovery();
  const auth = mockServices.auth();
  const logger = mockServices.logger.mock();
  const ok = (items: unknown[]) =>
    ({ ok: true, status: 200, json: async () => ({ items }) } as Response);

  it('fetches edits with a service token and caches them', async () => {
    const fetch = jest.fn(async () =>
      ok([
        {
          entityRef: 'Component:default/A',
          roles: { incident: 'group:default/x' },
        },
      ]),
    );
    const source = new ReadinessBackendOwnershipEdits({
      discovery,
      auth,
      logger,
      fetch: fetch as any,
      ttlMs: 60_000,
    });
    expect((await source.get()).get('component:default/a')).toEqual({
      incident: 'group:default/x',
    });
    await source.get();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((fetch.mock.calls[0] as any)[0]).toMatch(
      /\/api\/readiness\/ownership$/,
    );
    expect(
      new Headers((fetch.mock.calls[0] as any)[1].headers).get('authorization'),
    ).toMatch(/^Bearer /);
  });

  it('reads again after a saved edit is announced, even mid-read', async () => {
    let version = 1;
    const fetch = jest.fn(async () =>
      ok([
        {
          entityRef: 'component:default/a',
          roles: { channel: `slack:#v${version}` },
        },
      ]),
    );
    const source = new ReadinessBackendOwnershipEdits({
      discovery,
      auth,
      logger,
      fetch: fetch as any,
      ttlMs: 60_000,
    });
    await source.get();
    version = 2;
    source.invalidate();
    expect((await source.get()).get('component:default/a')).toEqual({
      channel: 'slack:#v2',
    });
    // Announced while a read was under way: that read is not trusted for long.
    version = 3;
    source.invalidate();
    const reading = source.get();
    source.invalidate();
    await reading;
    expect((await source.get()).get('component:default/a')).toEqual({
      channel: 'slack:#v3',
    });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('keeps the last edits when the backend cannot be reached', async () => {
    let up = true;
    const fetch = jest.fn(async () => {
      if (!up) throw new Error('ECONNREFUSED');
      return ok([
        {
          entityRef: 'component:default/a',
          roles: { incident: 'group:default/x' },
        },
      ]);
    });
    const source = new ReadinessBackendOwnershipEdits({
      discovery,
      auth,
      logger,
      fetch: fetch as any,
      ttlMs: 0,
    });
    await source.get();
    up = false;
    expect((await source.get()).size).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ECONNREFUSED'),
    );
  });
});
