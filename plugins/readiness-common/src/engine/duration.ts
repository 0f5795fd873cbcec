const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * Parses an ISO 8601 duration (`P30D`, `PT12H`, `P1Y2M`) or a shorthand
 * (`30d`, `12h`, `2w`, `90m`, `45s`) into milliseconds. Years count as 365
 * days and months as 30. Throws on anything else.
 *
 * @public
 */
export function parseDuration(text: string): number {
  const ms = durationMs(text);
  // So many digits that milliseconds lose precision (or overflow to Infinity).
  if (!(ms <= Number.MAX_SAFE_INTEGER)) {
    throw new Error(`duration "${text}" is too long to count`);
  }
  return ms;
}

function durationMs(text: string): number {
  const short = /^(\d+)([smhdw])$/.exec(text);
  if (short) return Number(short[1]) * UNIT_MS[short[2]];
  const iso =
    /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
      text,
    );
  if (!iso) throw new Error(`invalid duration "${text}"`);
  const [, y, mo, w, d, h, mi, s] = iso.map(v => Number(v ?? 0));
  return (
    ((y * 365 + mo * 30 + w * 7 + d) * 24 * 3600 + h * 3600 + mi * 60 + s) *
    1000
  );
}

/** Describes a span of milliseconds for people: `45 days`, `3 hours`, `12 minutes`. */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (abs >= 2 * 86_400_000) return plural(Math.floor(abs / 86_400_000), 'day');
  if (abs >= 2 * 3_600_000) return plural(Math.floor(abs / 3_600_000), 'hour');
  return plural(Math.max(1, Math.floor(abs / 60_000)), 'minute');
}

/**
 * When {@link describeDuration} of a span that started at `start` next reads
 * differently: at the next whole day, hour or minute of its unit.
 */
export function describedDurationChangesAt(start: number, now: number): number {
  const age = now - start;
  const unitOf = (span: number) => {
    if (span >= 2 * 86_400_000) return 86_400_000;
    if (span >= 2 * 3_600_000) return 3_600_000;
    return 60_000;
  };
  if (age >= 0) {
    const unit = unitOf(age);
    return start + (Math.floor(age / unit) + 1) * unit;
  }
  // A start in the future (a clock ahead): the span shrinks, and reads
  // differently once it drops below its whole number of units.
  const unit = unitOf(-age);
  const whole = Math.floor(-age / unit) * unit;
  return Math.max(now + 1, start - whole + 1);
}
