import { ProbeDeniedError, SsrfGuard } from './ssrfGuard';

const dns: Record<string, string[]> = {
  'metadata.evil.example': ['169.254.169.254'],
  'intranet.evil.example': ['10.0.0.7'],
  'mixed.evil.example': ['93.184.215.14', '192.168.1.1'],
  'v6local.evil.example': ['fd12:3456::1'],
  'public.example': ['93.184.215.14'],
  'db.corp.example': ['10.20.0.5'],
  'evilcorp.example': ['10.20.0.6'],
  'corp.example.evil.example': ['10.20.0.7'],
};
const lookup = async (host: string) => {
  const list = dns[host];
  if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return list.map(address => ({
    address,
    family: address.includes(':') ? 6 : 4,
  }));
};

const resolve = (url: string, allow: string[] = []) =>
  new SsrfGuard(allow, lookup).resolve(new URL(url));

describe('SsrfGuard', () => {
  it.each([
    ['http://127.0.0.1/', 'a loopback address'],
    ['http://10.1.2.3/', 'a private address'],
    ['http://172.16.0.1/', 'a private address'],
    ['http://192.168.0.1/', 'a private address'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://224.0.0.1/', 'a multicast address'],
    ['http://0.0.0.0/', 'the unspecified address'],
    ['http://[::1]/', 'a loopback address'],
    ['http://[fe80::1]/', 'a link-local address'],
    ['http://[fc00::1]/', 'a unique-local address'],
    ['http://[::ffff:127.0.0.1]/', 'a loopback address'],
    ['http://[::ffff:a9fe:a9fe]/', 'link-local'],
    ['http://2130706433/', 'a loopback address'],
    ['http://0x7f.0.0.1/', 'a loopback address'],
    ['http://0177.0.0.1/', 'a loopback address'],
    ['http://127.1/', 'a loopback address'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'rfc6052'],
  ])('denies %s (%s)', async (url, why) => {
    const error = await resolve(url).catch(e => e);
    expect(error).toBeInstanceOf(ProbeDeniedError);
    expect(error.message).toContain(why);
    expect(error.message).toContain('readiness.probes.allow');
  });

  it.each([
    ['http://metadata.evil.example/', '169.254.169.254'],
    ['http://intranet.evil.example/', '10.0.0.7'],
    ['http://mixed.evil.example/', '192.168.1.1'],
    ['http://v6local.evil.example/', 'fd12:3456::1'],
  ])('decides on what %s resolves to', async (url, address) => {
    await expect(resolve(url)).rejects.toThrow(
      new RegExp(`resolves to ${address.replace(/\./g, '\\.')} is`),
    );
  });

  it.each(['file:///etc/passwd', 'ftp://public.example/', 'gopher://x/'])(
    'refuses the scheme of %s',
    async url => {
      await expect(resolve(url)).rejects.toThrow('URLs are not probed');
    },
  );

  it('allows public addresses and names, pinned to the checked address', async () => {
    await expect(resolve('https://public.example/health')).resolves.toEqual({
      address: '93.184.215.14',
      family: 4,
    });
    await expect(resolve('http://8.8.8.8/')).resolves.toMatchObject({
      address: '8.8.8.8',
    });
  });

  it('allows what readiness.probes.allow lists: CIDRs, addresses and host names', async () => {
    await expect(
      resolve('http://db.corp.example/', ['10.0.0.0/8']),
    ).resolves.toMatchObject({ address: '10.20.0.5' });
    await expect(
      resolve('http://db.corp.example/', ['*.corp.example']),
    ).resolves.toMatchObject({ address: '10.20.0.5' });
    await expect(
      resolve('http://127.0.0.1:8080/', ['127.0.0.1']),
    ).resolves.toMatchObject({ address: '127.0.0.1' });
    // "*.corp.example" is a domain and its sub-domains, not a suffix of text.
    for (const host of ['evilcorp.example', 'corp.example.evil.example'])
      await expect(
        resolve(`http://${host}/`, ['*.corp.example']),
      ).rejects.toThrow('a private address');
    // Allowing one range does not open the others.
    await expect(
      resolve('http://169.254.169.254/', ['10.0.0.0/8']),
    ).rejects.toThrow('link-local');
  });

  it('says when a name does not resolve', async () => {
    await expect(resolve('http://nowhere.example/')).rejects.toThrow(
      'cannot resolve nowhere.example: ENOTFOUND',
    );
  });

  it('refuses an allow-list entry it cannot read, naming the field', () => {
    expect(() => new SsrfGuard(['10.0.0.0/99'])).toThrow(
      'readiness.probes.allow: "10.0.0.0/99" is not a CIDR',
    );
    expect(() => new SsrfGuard(['http://x'])).toThrow(
      'readiness.probes.allow: "http://x"',
    );
  });
});
