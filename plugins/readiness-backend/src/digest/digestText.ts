import type { TeamDigest } from './composeDigests';

/** Lines listed per section at most; the rest is counted. */
export const DIGEST_SECTION_LINES = 10;

function section(heading: string, lines: string[]): string[] {
  if (!lines.length) return [];
  const shown = lines.slice(0, DIGEST_SECTION_LINES);
  const more = lines.length - shown.length;
  return [
    '',
    `${heading} (${lines.length})`,
    ...shown.map(l => `- ${l}`),
    ...(more > 0 ? [`- and ${more} more on the Readiness page`] : []),
  ];
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * A team's digest as a notification: a title that says what matters most
 * (blocked services, what waits for the team) and a plain-text body with
 * one section per topic, as the inbox and e-mail show it.
 */
export function digestMessage(
  d: TeamDigest,
  teamName: string,
): { title: string; description: string } {
  const counts = [
    d.blocked.length ? `${d.blocked.length} blocked` : '',
    d.waiting.length ? `${d.waiting.length} waiting for you` : '',
    d.initiatives.length ? plural(d.initiatives.length, 'initiative') : '',
    d.expiring.length ? `${d.expiring.length} expiring` : '',
    d.changed.length ? `${d.changed.length} changed` : '',
  ].filter(Boolean);
  const title = `Readiness week of ${d.week} for ${teamName}: ${counts.join(
    ', ',
  )}`;
  const body = [
    `Readiness scores ${plural(d.services, 'entity', 'entities')} ${
      d.team
    } owns.`,
    ...section(
      'Waiting for you',
      d.waiting.map(l => l.text),
    ),
    ...section(
      'Blocked',
      d.blocked.map(l => l.text),
    ),
    ...section(
      'Initiatives due',
      [...d.initiatives]
        .sort((a, b) => a.deadline.localeCompare(b.deadline))
        .map(
          i =>
            `${i.title}: ${plural(i.open, 'service')} still open, due ${
              i.deadline
            }`,
        ),
    ),
    ...section(
      'Evidence running out this week',
      d.expiring.map(l => l.text),
    ),
    ...section(
      'Changed since last week',
      d.changed.map(l => l.text),
    ),
  ];
  return { title, description: body.join('\n') };
}
