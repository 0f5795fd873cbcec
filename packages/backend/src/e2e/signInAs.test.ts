import { e2eAuthenticator, isLoopbackAddress } from './signInAs';

describe('isLoopbackAddress', () => {
  it('accepts loopback in IPv4, IPv6 and IPv4-mapped form', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a)).toBe(true);
  });

  it('refuses everything else, and a missing address', () => {
    for (const a of [
      '10.0.0.1',
      '192.168.1.1',
      '::ffff:10.0.0.1',
      '::',
      '0.0.0.0',
      '1127.0.0.1',
      '127.0.0.1.example',
      undefined,
    ])
      expect(isLoopbackAddress(a)).toBe(false);
  });
});

describe('the end-to-end sign-in', () => {
  const request = (remoteAddress: string, user?: string) =>
    ({
      req: {
        socket: { remoteAddress },
        header: (name: string) =>
          name === 'x-readiness-e2e-user' ? user : undefined,
      },
    } as any);

  it('takes the person from the header, from loopback only', async () => {
    await expect(
      e2eAuthenticator.authenticate(
        request('127.0.0.1', 'noah.mensah'),
        undefined,
      ),
    ).resolves.toEqual({ result: { name: 'noah.mensah' } });
    await expect(
      e2eAuthenticator.authenticate(
        request('10.0.0.7', 'noah.mensah'),
        undefined,
      ),
    ).rejects.toThrow('The end-to-end sign-in answers loopback only');
    await expect(
      e2eAuthenticator.authenticate(
        request('::1', 'user:default/x'),
        undefined,
      ),
    ).rejects.toThrow('x-readiness-e2e-user: not a user name');
  });
});
