/*
 * A load generator in its own process (forked by compare.js): `concurrency`
 * requests in flight for `durationMs`, cycling through `requests`; replies
 * with the count, errors and latency percentiles in milliseconds.
 */
const { performance } = require('node:perf_hooks');

process.once(
  'message',
  async ({ requests, token, concurrency, durationMs }) => {
    const latencies = [];
    let errors = 0;
    let firstError;
    let next = 0;
    const started = performance.now();
    const end = Date.now() + durationMs;
    const worker = async () => {
      while (Date.now() < end) {
        const r = requests[next++ % requests.length];
        const t = performance.now();
        try {
          const res = await fetch(r.url, {
            method: r.method ?? 'GET',
            headers: {
              authorization: `Bearer ${token}`,
              ...(r.body ? { 'content-type': 'application/json' } : {}),
            },
            body: r.body ? JSON.stringify(r.body) : undefined,
            signal: AbortSignal.timeout(60_000),
          });
          const text = await res.text();
          if (!res.ok) {
            errors++;
            firstError ??= `${res.status} ${text.slice(0, 200)}`;
          }
        } catch (e) {
          errors++;
          firstError ??= String(e);
        }
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = p =>
      latencies[
        Math.min(latencies.length - 1, Math.floor(p * latencies.length))
      ];
    process.send({
      count: latencies.length,
      errors,
      firstError,
      rps: latencies.length / seconds,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
    });
  },
);
