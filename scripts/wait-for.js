/**
 * Polls `fn` every second until it returns something truthy, for at most
 * `ms`; throws `<what> within N s` (with the last error) when time runs out.
 * Used by the scripts that start a backend and wait for it.
 */
async function waitFor(what, fn, ms) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${what} within ${ms / 1000} s${last ? `: ${last}` : ''}`);
}

module.exports = { waitFor };
