import { ConfigReader } from '@backstage/config';
import { readProbeConfig } from './config';

const read = (probes: object) =>
  readProbeConfig(new ConfigReader({ readiness: { probes } }));

describe('readProbeConfig', () => {
  it('has defaults', () => {
    expect(read({})).toMatchObject({
      enabled: true,
      concurrency: 8,
      limits: { timeoutMs: 10_000, maxBodyBytes: 65536, maxRedirects: 5 },
      allow: [],
      linkType: 'health',
      caFiles: [],
      schedule: { frequency: { minutes: 10 } },
    });
  });

  it('reads durations as objects or strings', () => {
    expect(read({ timeout: { seconds: 3 } }).limits.timeoutMs).toBe(3_000);
    expect(read({ timeout: '2s' }).limits.timeoutMs).toBe(2_000);
  });

  it('reads one CA file or a list', () => {
    expect(read({ caFile: 'ca.pem' }).caFiles).toEqual(['ca.pem']);
    expect(read({ caFile: ['a.pem', 'b.pem'] }).caFiles).toEqual([
      'a.pem',
      'b.pem',
    ]);
    expect(() => read({ caFile: [''] })).toThrow(
      'readiness.probes.caFile: expected a file path or a list of file paths',
    );
  });

  it('names the field that is wrong', () => {
    expect(() => read({ concurrency: 0 })).toThrow(
      'readiness.probes.concurrency: expected a whole number from 1 to 100, got 0',
    );
    expect(() => read({ timeout: { minutes: 5 } })).toThrow(
      'readiness.probes.timeout',
    );
    expect(() =>
      read({
        schedule: {
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          scope: 'local',
        },
      }),
    ).toThrow('readiness.probes.schedule.scope');
  });
});
