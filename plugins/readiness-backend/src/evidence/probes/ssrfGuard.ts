import ipaddr from 'ipaddr.js';
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';

/** Resolves a host name to addresses; `dns.lookup` unless a test gives its own. */
export type Lookup = (
  hostname: string,
) => Promise<Array<{ address: string; family: number }>>;

const systemLookup: Lookup = hostname =>
  dns.lookup(hostname, { all: true, verbatim: true });

/** Why an address is refused, in words, per ipaddr.js range name. */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address (cloud metadata lives here)',
  uniqueLocal: 'a unique-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  unspecified: 'the unspecified address',
  reserved: 'a reserved address',
};

/** A probe target the guard refused; the message names the rule. */
export class ProbeDeniedError extends Error {
  name = 'ProbeDeniedError';
}

/**
 * Decides which addresses probes may connect to: only global unicast
 * addresses (as ipaddr.js classifies them, IPv4-mapped IPv6 unwrapped), plus
 * what `readiness.probes.allow` lists (host names, `*.suffix`, or CIDRs).
 * The decision is taken on the resolved addresses, on every redirect hop.
 */
export class SsrfGuard {
  private readonly hosts: string[] = [];
  private readonly ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];

  constructor(allow: string[] = [], private readonly lookup = systemLookup) {
    for (const entry of allow) {
      const value = entry.trim().toLowerCase();
      if (value.includes('/')) {
        try {
          this.ranges.push(ipaddr.parseCIDR(value));
        } catch {
          throw new Error(
            `readiness.probes.allow: "${entry}" is not a CIDR such as 10.0.0.0/8`,
          );
        }
      } else if (ipaddr.isValid(value)) {
        const ip = ipaddr.parse(value);
        this.ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
      } else if (/^(\*\.)?[a-z0-9.-]+$/.test(value)) {
        this.hosts.push(value);
      } else {
        throw new Error(
          `readiness.probes.allow: "${entry}" is not a host name, *.domain, address or CIDR`,
        );
      }
    }
  }

  private hostAllowed(hostname: string): boolean {
    return this.hosts.some(h =>
      h.startsWith('*.') ? hostname.endsWith(h.slice(1)) : hostname === h,
    );
  }

  /** Undefined when the address may be probed, else why not. */
  refusal(address: string): string | undefined {
    let ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
      ip = (ip as ipaddr.IPv6).toIPv4Address();
    if (
      this.ranges.some(
        ([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits),
      )
    )
      return undefined;
    const range = ip.range();
    if (range === 'unicast') return undefined;
    return `${address} is ${RANGE_WORDS[range] ?? `in the ${range} range`}`;
  }

  /**
   * The address to connect to for a URL, after checking the scheme and every
   * address the host resolves to. Throws ProbeDeniedError naming the rule.
   */
  async resolve(url: URL): Promise<{ address: string; family: 4 | 6 }> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new ProbeDeniedError(
        `${url.protocol} URLs are not probed; use http or https`,
      );
    const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const allowedHost = this.hostAllowed(hostname);
    const addresses = isIP(hostname)
      ? [{ address: hostname, family: isIP(hostname) }]
      : await this.lookup(hostname).catch(error => {
          throw new Error(`cannot resolve ${hostname}: ${error.code ?? error}`);
        });
    if (addresses.length === 0)
      throw new Error(`cannot resolve ${hostname}: no addresses`);
    if (!allowedHost) {
      for (const { address } of addresses) {
        const why = this.refusal(address);
        if (why)
          throw new ProbeDeniedError(
            `denied by the SSRF guard: ${
              address === hostname ? '' : `${hostname} resolves to `
            }${why}; list it in readiness.probes.allow to probe it anyway`,
          );
      }
    }
    const { address, family } = addresses[0];
    return { address, family: family === 6 ? 6 : 4 };
  }
}
