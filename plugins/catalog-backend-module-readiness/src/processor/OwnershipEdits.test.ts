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
    expect((fetch.mock.calls[0] as any)[1].headers.Authorization).toMatch(
      /^Bearer /,
    );
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
