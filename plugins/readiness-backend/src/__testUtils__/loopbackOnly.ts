import dns from 'node:dns';
import net from 'node:net';

/** One TCP connect a test started: the host asked for, and the address used. */
export interface ConnectAttempt {
  host: string;
  port: number;
  /** The address it resolved to (equal to `host` for an address). */
  address?: string;
  /** Why it was refused (not loopback); absent when it went ahead. */
  refused?: string;
}

// Node's own modules are shared by every test file a jest worker runs
// (each file has its own globals and module registry): the patch is
// installed once per process, and the record lives with it on net.Socket.
const shared = net.Socket.prototype as {
  __readinessConnects?: ConnectAttempt[];
};
shared.__readinessConnects ??= [];
const attempts = shared.__readinessConnects;

const isLoopback = (address: string) =>
  net.isIPv4(address)
    ? address.startsWith('127.')
    : address === '::1' || address.toLowerCase().startsWith('::ffff:127.');

function refuse(socket: net.Socket, attempt: ConnectAttempt) {
  attempt.refused = `tests connect to loopback only, not ${attempt.address}`;
  const error = Object.assign(new Error(attempt.refused), {
    code: 'ECONNREFUSED',
  });
  process.nextTick(() => socket.destroy(error));
  return socket;
}

/**
 * Every TCP connect of the test process goes to loopback or nowhere: an
 * address that is not 127.0.0.0/8 or ::1 (given, or resolved from a name
 * through the connect's own lookup) fails with ECONNREFUSED before a packet
 * leaves, and every attempt is recorded. Installed for every backend test in
 * setupTests.ts, so that a broken SSRF guard under test cannot reach the
 * cloud metadata address or anything else.
 */
export function installLoopbackOnly() {
  const proto = net.Socket.prototype as any;
  if (proto.__loopbackOnly) return;
  const original = proto.connect;
  proto.__loopbackOnly = true;
  proto.connect = function connect(this: net.Socket, ...args: any[]) {
    // net.connect() passes arguments it already normalized, as one array.
    const normalized = Array.isArray(args[0])
      ? args[0]
      : (net as any)._normalizeArgs(args);
    const options = normalized[0] ?? {};
    if (options.path || options.port === undefined)
      return original.apply(this, args);
    const host: string = options.host ?? 'localhost';
    const attempt: ConnectAttempt = { host, port: Number(options.port) };
    attempts.push(attempt);
    if (net.isIP(host)) {
      attempt.address = host;
      if (!isLoopback(host)) return refuse(this, attempt);
      return original.apply(this, args);
    }
    // A name: check what the connect's own lookup answers before it is used.
    const lookup = options.lookup ?? dns.lookup;
    options.lookup = (name: string, opts: any, callback: any) =>
      lookup(name, opts, (err: any, address: any, family: any) => {
        if (err) return callback(err);
        const list: string[] = Array.isArray(address)
          ? address.map((a: { address: string }) => a.address)
          : [address];
        attempt.address = list.join(',');
        const bad = list.find(a => !isLoopback(a));
        if (bad) {
          attempt.refused = `tests connect to loopback only, not ${bad}`;
          return callback(
            Object.assign(new Error(attempt.refused), {
              code: 'ECONNREFUSED',
            }),
          );
        }
        return callback(null, address, family);
      });
    return original.call(this, normalized);
  };
}

/** The connects recorded since the last {@link clearConnectAttempts}. */
export function connectAttempts(): ReadonlyArray<ConnectAttempt> {
  return attempts;
}

/** Forgets the recorded connects. */
export function clearConnectAttempts() {
  attempts.length = 0;
}
