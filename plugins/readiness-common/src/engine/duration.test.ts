import { describeDuration, parseDuration } from './duration';

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
