import { compilePath, parsePath } from './paths';

const entity = {
  metadata: {
    name: 'a',
    annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    links: [
      { type: 'runbook', url: 'https://r/1' },
      { type: 'dashboard', url: 'https://d' },
      { type: 'runbook', url: 'https://r/2' },
    ],
  },
  spec: { lifecycle: 'production' },
};

describe('paths', () => {
  it.each([
    ['spec.lifecycle', 'production'],
    ["metadata.annotations['backstage.io/techdocs-ref']", 'dir:.'],
    ['metadata.annotations["backstage.io/techdocs-ref"]', 'dir:.'],
    ['metadata.links[1].url', 'https://d'],
    ['metadata.links[type=runbook].url', ['https://r/1', 'https://r/2']],
    [
      "metadata.links[type='dashboard']",
      [{ type: 'dashboard', url: 'https://d' }],
    ],
    ['metadata.links[type=slack].url', []],
    ['spec.missing.deeper', undefined],
    ['metadata.name.length', undefined],
    ['constructor', undefined],
  ])('reads %s', (path, expected) => {
    expect(compilePath(path)(entity)).toEqual(expected);
  });

  it.each([
    ['', 'empty path'],
    ['spec.', 'expected a field name'],
    ['spec[', 'missing ]'],
    ['spec[a b]', 'expected'],
    ['spec..x', 'expected a field name'],
    ['spec x', 'unexpected " "'],
  ])('rejects %j', (path, why) => {
    expect(() => parsePath(path)).toThrow(why);
  });
});
