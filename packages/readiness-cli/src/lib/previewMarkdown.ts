import type {
  PreviewStanding,
  ScorecardPreview,
  ScorecardPreviewEntry,
  StatusCounts,
} from '@readiness/backstage-plugin-readiness-common';
import { shortRef } from './format';

const STATUS: Record<PreviewStanding['status'], string> = {
  ready: 'Ready',
  'needs-work': 'Needs work',
  blocked: 'Blocked',
};

/** Table cells take no pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const standing = (s?: PreviewStanding) =>
  s ? `${STATUS[s.status]} ${s.score}` : '–';
const ids = (list: string[]) => list.map(id => `\`${id}\``).join(', ');
const totalsRow = (label: string, t: StatusCounts, mean?: number) =>
  `| ${label} | ${t.ready} | ${t['needs-work']} | ${t.blocked} | ${
    mean ?? '–'
  } |`;

const BASE: Record<ScorecardPreviewEntry['base'], string> = {
  running: 'Compared with the running scorecard',
  yaml: 'Compared with the base file',
  none: 'A new scorecard: nothing to compare with',
};

function entry(e: ScorecardPreviewEntry): string[] {
  const lines = [
    `## ${cell(e.title)} (\`${e.name}\`)`,
    '',
    `${BASE[e.base]}; ${e.entities.after} entities in scope${
      e.entities.before !== e.entities.after
        ? ` (${e.entities.before} before)`
        : ''
    }.`,
    '',
    '|  | Ready | Needs work | Blocked | Mean score |',
    '| --- | ---: | ---: | ---: | ---: |',
    totalsRow('Before', e.totals.before, e.meanScore.before),
    totalsRow('After', e.totals.after, e.meanScore.after),
    '',
  ];
  if (e.toBlocked > 0)
    lines.push(
      `**${e.toBlocked} ${
        e.toBlocked === 1 ? 'entity drops' : 'entities drop'
      } to Blocked.**`,
      '',
    );
  if (e.movesTotal === 0) {
    lines.push('No entity moves.', '');
  } else {
    lines.push(
      `### Entities that move (${e.movesTotal})`,
      '',
      '| Entity | Before | After | Newly failing | Newly passing |',
      '| --- | --- | --- | --- | --- |',
      ...e.moves.map(
        m =>
          `| ${cell(
            m.title
              ? `${m.title} (${shortRef(m.entityRef)})`
              : shortRef(m.entityRef),
          )} | ${standing(m.before)} | ${standing(m.after)} | ${ids(
            m.newlyFailing,
          )} | ${ids(m.newlyPassing)} |`,
      ),
      '',
    );
    if (e.movesTotal > e.moves.length)
      lines.push(`…and ${e.movesTotal - e.moves.length} more.`, '');
  }
  if (e.checks.length) {
    lines.push(
      '### Checks that change',
      '',
      '| Check | Failing before | Failing after | |',
      '| --- | ---: | ---: | --- |',
      ...e.checks.map(
        c =>
          `| ${cell(c.title)} (\`${c.checkId}\`) | ${c.failingBefore} | ${
            c.failingAfter
          } | ${c.change ?? ''} |`,
      ),
      '',
    );
  }
  return lines;
}

/**
 * A scorecard preview as Markdown, for a pull-request comment: per
 * scorecard the totals before and after, what drops to Blocked, the
 * entities that move and the checks that change.
 */
export function previewMarkdown(preview: ScorecardPreview): string {
  return [
    '# Readiness: what this scorecard change moves',
    '',
    `Evaluated ${preview.evaluatedAt
      .slice(0, 16)
      .replace(
        'T',
        ' ',
      )} UTC on the current catalog and evidence; nothing was written.`,
    '',
    ...preview.scorecards.flatMap(entry),
  ].join('\n');
}
