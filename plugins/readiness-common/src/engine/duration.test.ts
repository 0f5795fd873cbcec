import {
  describeDuration,
  describedDurationChangesAt,
  parseDuration,
} from './duration';

const DAY = 86_400_000;

describe('parseDuration', () => {
  it.each([
    ['P30D', 30 * DAY],
    ['P2W', 14 * DAY],
    ['PT12H', 12 * 3_600_000],
    ['PT90M', 90 * 60_000],
    ['P1Y', 365 * DAY],
    ['P1M', 30 * DAY],
    ['P1DT1H', DAY + 3_600_000],
    ['30d', 30 * DAY],
    ['12h', 12 * 3_600_000],
    ['2w', 14 * DAY],
    ['45s', 45_000],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'P', 'PT', '30', 'thirty days', 'P1.5D'])('rejects %j', text => {
    expect(() => parseDuration(text)).toThrow('invalid duration');
  });

  it('describes spans for people', () => {
    expect(describeDuration(45 * DAY)).toBe('45 days');
    expect(describeDuration(30 * 3_600_000)).toBe('30 hours');
    expect(describeDuration(60_000)).toBe('1 minute');
    expect(describeDuration(10)).toBe('1 minute');
  });
});

describe('describedDurationChangesAt with a start in the future', () => {
  it('is no later than the moment the shrinking span reads differently', () => {
    // Attested 45 minutes "from now" (a clock ahead): "45 minutes" until now, "44" a moment later.
    const start = 45 * 60_000;
    expect(describedDurationChangesAt(start, 0)).toBe(1);
    expect(describeDuration(start - 1)).toBe('44 minutes');
    // 3 days and a bit ahead: "3 days" until it is 3 days exactly.
    const ahead = 3 * 86_400_000 + 5_000;
    expect(describedDurationChangesAt(ahead, 0)).toBe(5_001);
  });
});
