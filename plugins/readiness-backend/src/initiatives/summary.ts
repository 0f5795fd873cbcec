import type { InitiativeDetail } from '@readiness/backstage-plugin-readiness-common';

/** The initiative as Markdown, for a review or its closing note. */
export function initiativeSummary(i: InitiativeDetail): string {
  const goal =
    'level' in i.goal
      ? `every entity at level ${i.goal.level}`
      : `${i.goal.checks.join(', ')} passing everywhere`;
  const scope =
    Object.entries(i.scope)
      .map(([k, v]) => `${k} ${(v as string[]).join(', ')}`)
      .join('; ') || 'every entity of the scorecard';
  const pct = i.progress.total
    ? Math.round((100 * i.progress.met) / i.progress.total)
    : 0;
  const lines = [
    `# ${i.title}`,
    '',
    ...(i.description ? [i.description, ''] : []),
    `- Goal: ${goal} (scorecard ${i.scorecard})`,
    `- Scope: ${scope}`,
    `- From ${i.startsOn} to ${i.deadline}; owner ${i.owner}${
      i.sponsor ? `, sponsor ${i.sponsor}` : ''
    }`,
    `- State: **${i.state}**, ${i.progress.met} of ${i.progress.total} met (${pct} %)`,
    '',
  ];
  if (i.byOwner.length) {
    lines.push(
      '## By team',
      '',
      '| owner | met | total |',
      '| --- | --- | --- |',
    );
    for (const o of i.byOwner)
      lines.push(`| ${o.owner || '(none)'} | ${o.met} | ${o.total} |`);
    lines.push('');
  }
  lines.push('## Still open', '');
  if (!i.open.length)
    lines.push('Nothing: every entity in scope meets the goal.');
  for (const o of i.open)
    lines.push(
      `- ${o.title ?? o.entityRef} (${o.owner ?? 'no owner'}): ${
        o.missing.map(m => m.title).join('; ') || 'below the level'
      }`,
    );
  return `${lines.join('\n')}\n`;
}
