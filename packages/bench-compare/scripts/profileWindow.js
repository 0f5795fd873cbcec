/*
 * Where a Readiness cycle's time went, from a CPU profile of the whole
 * backend (node --cpu-prof): the samples between the first and last one
 * inside the last cycle's functions (the evaluator and its catalog reads),
 * every function counted (the catalog answering the cycle's queries
 * included), top self time first.
 */
const fs = require('node:fs');

/** Functions of a cycle: the evaluator's, and the catalog reads it waits on. */
const CYCLE = new Set(['runShard', 'readNow', 'readSet', 'pages']);

function cycleProfile(file, top = 20) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes)
    for (const c of n.children ?? []) parent.set(c, n.id);
  const inCycle = new Map();
  const isCycle = id => {
    if (inCycle.has(id)) return inCycle.get(id);
    const n = nodes.get(id);
    const v =
      CYCLE.has(n.callFrame.functionName) ||
      (parent.has(id) && isCycle(parent.get(id)));
    inCycle.set(id, v);
    return v;
  };
  // Sample times (µs) from the deltas.
  let t = profile.startTime;
  const times = profile.timeDeltas.map(d => (t += d));
  const hits = profile.samples
    .map((id, i) => (isCycle(id) ? times[i] : undefined))
    .filter(x => x !== undefined);
  if (hits.length === 0) return undefined;
  // The last cluster: samples less than a second apart.
  let start = hits[hits.length - 1];
  for (let i = hits.length - 2; i >= 0 && start - hits[i] < 1e6; i--)
    start = hits[i];
  const end = hits[hits.length - 1];
  const self = new Map();
  profile.samples.forEach((id, i) => {
    if (times[i] < start || times[i] > end) return;
    const f = nodes.get(id).callFrame;
    const where = f.url
      .replace(/^.*node_modules\//, '')
      .replace(/^.*\/(plugins|packages)\//, '');
    const key = `${f.functionName || '(anonymous)'} ${where}:${
      f.lineNumber + 1
    }`;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return {
    windowMs: (end - start) / 1000,
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ ms: Math.round(ms * 10) / 10, fn })),
  };
}

module.exports = { cycleProfile };
