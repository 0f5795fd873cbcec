/* One evaluation cycle of each product, and load on the API. */
const { fork } = require('node:child_process');
const path = require('node:path');
const { LOAD_MS, sleep } = require('./settings');
const { api } = require('./stack');

async function readinessCycle(backend) {
  const { tasks } = await api('/api/readiness/.backstage/scheduler/v1/tasks');
  const ids = tasks
    .map(t => t.taskId)
    .filter(id => id.startsWith('readiness-evaluate-'));
  const since = Date.now();
  for (const id of ids)
    await api(`/api/readiness/.backstage/scheduler/v1/tasks/${id}/trigger`, {
      method: 'POST',
    });
  const found = await backend.waitFor(
    /^Readiness shard \d+\/\d+: /,
    ids.length,
    since,
  );
  const shards = found.map(l => {
    const m =
      /: (\d+) entities, (\d+) evaluated, (\d+) results, (\d+) changed, \d+ removed in (\d+) ms/.exec(
        l.message,
      );
    return {
      end: l.at,
      ms: Number(m[5]),
      entities: Number(m[1]),
      evaluated: Number(m[2]),
      written: Number(m[4]),
    };
  });
  return {
    // From the first shard's start to the last shard's end.
    ms:
      Math.max(...shards.map(s => s.end)) -
      Math.min(...shards.map(s => s.end - s.ms)),
    shards: shards.length,
    entities: shards.reduce((n, s) => n + s.entities, 0),
    evaluated: shards.reduce((n, s) => n + s.evaluated, 0),
    written: shards.reduce((n, s) => n + s.written, 0),
  };
}

/**
 * Tech Insights: triggers the fact retrievers and waits until they stored
 * their facts, then runs every check for the same entities through the bulk
 * endpoint, 750 entities per request as its own client sends them.
 */
async function techInsightsCycle(backend, refs) {
  const retrievers = [
    'readinessFactRetriever',
    'entityOwnershipFactRetriever',
    'entityMetadataFactRetriever',
  ];
  const since = Date.now();
  for (const id of retrievers)
    await api(
      `/api/tech-insights/.backstage/scheduler/v1/tasks/${id}/trigger`,
      { method: 'POST' },
    );
  const stored = await backend.waitFor(
    /^Stored \d+ facts for fact retriever /,
    retrievers.length,
    since,
  );
  // The scheduler starts the three seconds apart; count them as if they ran
  // side by side: the slowest one's own time (its log says it).
  const factsMs = Math.max(
    ...stored.map(l => 1000 * Number(/ in ([\d.]+)s$/.exec(l.message)[1])),
  );
  const t = Date.now();
  let results = 0;
  let passed = 0;
  let errors = 0;
  for (let i = 0; i < refs.length; i += 750) {
    const out = await api('/api/tech-insights/checks/run', {
      method: 'POST',
      body: { entities: refs.slice(i, i + 750) },
    });
    for (const e of out) {
      if (e.error) errors++;
      for (const r of e.results ?? []) {
        results++;
        if (r.result) passed++;
      }
    }
  }
  const checksMs = Date.now() - t;
  return { ms: factsMs + checksMs, factsMs, checksMs, results, passed, errors };
}

function load(requests, token, concurrency) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, '..', 'load.js'));
    child.once('message', m => {
      child.kill();
      resolve(m);
    });
    child.once('error', reject);
    child.send({
      requests,
      token,
      concurrency,
      durationMs: LOAD_MS,
    });
  });
}

/** p50 and p95 of these times (ms). */
function percentiles(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = q =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return sorted.length
    ? {
        n: sorted.length,
        p50: at(0.5),
        p95: at(0.95),
        max: sorted[sorted.length - 1],
      }
    : { n: 0 };
}

/**
 * Freshness: changes `change` production components through the catalog (their
 * runbook removed, as an edit of catalog-info.yaml would) and registers `add`
 * new ones, then asks Readiness for each until it shows the change (the
 * `runbook` check no longer passes; a first result). Times from the catalog
 * mutation, p50/p95; gives up after `timeoutMs`.
 */
async function freshness(change, add, token, timeoutMs = 120_000) {
  const { at, changed, added } = await api('/api/catalog/bench/mutate', {
    method: 'POST',
    body: { change, add },
  });
  const pending = new Map([
    ...changed.map(r => [r, 'changed']),
    ...added.map(r => [r, 'added']),
  ]);
  const seen = { changed: [], added: [] };
  while (pending.size > 0 && Date.now() - at < timeoutMs) {
    await Promise.all(
      [...pending].map(async ([ref, what]) => {
        const [kind, rest] = ref.split(':');
        const body = await api(`/api/readiness/entities/${kind}/${rest}`, {
          token,
        }).catch(() => undefined);
        const results = body?.results ?? [];
        const shows =
          what === 'added'
            ? results.length > 0
            : results.some(r =>
                r.checks.some(
                  c => c.checkId === 'runbook' && c.result !== 'pass',
                ),
              );
        if (shows && pending.delete(ref)) seen[what].push(Date.now() - at);
      }),
    );
    await sleep(100);
  }
  return {
    changed: percentiles(seen.changed),
    added: percentiles(seen.added),
    missed: pending.size,
  };
}

module.exports = { readinessCycle, techInsightsCycle, load, freshness };
