import { hashRef, shardOf } from './sharding';

describe('sharding', () => {
  it('is stable and case-insensitive', () => {
    expect(hashRef('component:default/payments-api')).toBe(
      hashRef('component:default/payments-api'),
    );
    expect(shardOf('Component:default/Payments-API', 8)).toBe(
      shardOf('component:default/payments-api', 8),
    );
  });

  it('spreads refs evenly over shards', () => {
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 8000; i++)
      counts[shardOf(`component:default/svc-${i}`, 8)] += 1;
    for (const c of counts) {
      expect(c).toBeGreaterThan(850);
      expect(c).toBeLessThan(1150);
    }
  });
});
