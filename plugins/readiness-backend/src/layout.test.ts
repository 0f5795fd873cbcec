import fs from 'node:fs';
import path from 'node:path';

/*
 * The backend's layout (see the package README): rooms (results, evidence,
 * ownership, goLive, notifications, evaluation, actions) over a platform layer.
 * These rules keep it that way.
 */
const SRC = __dirname;
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

function sources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__testUtils__' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The source files a file imports (relative imports only, types included). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map(
    m => m[1],
  );
  return specs.map(spec => {
    const base = path.resolve(path.dirname(file), spec);
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find(f =>
      fs.existsSync(f),
    );
    if (!found) throw new Error(`${rel(file)}: cannot resolve ${spec}`);
    return found;
  });
}

const files = sources();
const graph = new Map(files.map(f => [f, importsOf(f)]));

describe('backend layout', () => {
  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map(rel)).toContain('platform/access.ts');
  });

  it('has the platform layer import nothing from a room', () => {
    const upward = files
      .filter(f => rel(f).startsWith('platform/'))
      .flatMap(f =>
        graph
          .get(f)!
          .filter(t => !/^(platform|schema)\//.test(rel(t)))
          .map(t => `${rel(f)} -> ${rel(t)}`),
      );
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (state.get(t) === 'open')
          cycles.push(
            [...stack.slice(stack.indexOf(t)), t].map(rel).join(' -> '),
          );
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('asks the permission framework in platform/ only (access.ts, entityVisibility.ts)', () => {
    const asking = files
      .filter(f =>
        /permissions\.authorize(Conditional)?\(/.test(
          fs.readFileSync(f, 'utf8'),
        ),
      )
      .map(rel)
      .sort();
    expect(asking).toEqual([
      'platform/access.ts',
      'platform/entityVisibility.ts',
    ]);
  });
});
