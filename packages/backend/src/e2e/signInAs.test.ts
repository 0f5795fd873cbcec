import { isLoopbackAddress } from './signInAs';

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
