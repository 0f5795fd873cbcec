import { isFailing } from '@readiness/backstage-plugin-readiness-common';
import type {
  CheckResult,
  EntityReadiness,
  ReadinessStatus,
} from '@readiness/backstage-plugin-readiness-common';
import chalk from 'chalk';

const LABEL: Record<ReadinessStatus, string> = {
  ready: 'ready',
  'needs-work': 'needs work',
  blocked: 'blocked',
};
const SEVERITY_RANK = { critical: 0, required: 1, recommended: 2 } as const;

/** The counted checks that do not pass, critical first, then by weight. */
export function gaps(r: EntityReadiness): CheckResult[] {
  return r.checks
    .filter(isFailing)
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.weight - a.weight,
    );
}

/** Entity ref without the default namespace, for display. */
export function shortRef(ref: string): string {
  return ref.replace(/^([^:]+):default\//, '$1:');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** One line a result, aligned, with coloured statuses when `color` is on. */
export function formatTable(
  results: EntityReadiness[],
  color: boolean,
): string {
  const c = new chalk.Instance({ level: color ? 1 : 0 });
  const paint: Record<ReadinessStatus, (s: string) => string> = {
    ready: c.green,
    'needs-work': c.yellow,
    blocked: c.red,
  };
  const rows = results.map(r => ({
    entity: shortRef(r.entityRef),
    scorecard: r.scorecard,
    status: r.status,
    score: r.score.toFixed(1),
    level: r.level?.title ?? '-',
    gaps:
      gaps(r)
        .slice(0, 3)
        .map(g => `${g.checkId}${g.severity === 'critical' ? '!' : ''}`)
        .join(', ') || '-',
  }));
  const head = {
    entity: 'ENTITY',
    scorecard: 'SCORECARD',
    status: 'STATUS',
    score: 'SCORE',
    level: 'LEVEL',
    gaps: 'TOP GAPS (! = critical)',
  };
  const w = (k: keyof typeof head) =>
    Math.max(
      head[k].length,
      ...rows.map(r => (k === 'status' ? LABEL[r.status] : r[k]).length),
    );
  const line = (r: typeof head, status: string) =>
    [
      pad(r.entity, w('entity')),
      pad(r.scorecard, w('scorecard')),
      status,
      pad(r.score, w('score')),
      pad(r.level, w('level')),
      r.gaps,
    ].join('  ');
  const out = [c.bold(line(head, pad(head.status, w('status'))))];
  for (const r of rows)
    out.push(
      line(r as any, paint[r.status](pad(LABEL[r.status], w('status')))),
    );
  out.push('', summary(results));
  return out.join('\n');
}

/** `15 results: 5 ready, 6 needs work, 4 blocked`. */
export function summary(results: EntityReadiness[]): string {
  const n = (s: ReadinessStatus) => results.filter(r => r.status === s).length;
  return `${results.length} result${results.length === 1 ? '' : 's'}: ${n(
    'ready',
  )} ready, ${n('needs-work')} needs work, ${n('blocked')} blocked`;
}

const ICON: Record<ReadinessStatus, string> = {
  ready: '✅',
  'needs-work': '🟡',
  blocked: '⛔',
};

/** Markdown for a pull-request comment: a table and each entity's open items. */
export function formatMarkdown(results: EntityReadiness[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    '| Entity | Scorecard | Status | Score | Level |',
    '|---|---|---|---:|---|',
    ...results.map(
      r =>
        `| ${esc(shortRef(r.entityRef))} | ${esc(r.scorecard)} | ${
          ICON[r.status]
        } ${LABEL[r.status]} | ${r.score.toFixed(1)} | ${
          r.level?.title ?? '–'
        } |`,
    ),
    '',
    summary(results),
  ];
  for (const r of results) {
    const open = gaps(r);
    if (open.length === 0) continue;
    out.push(
      '',
      `### ${esc(shortRef(r.entityRef))} — ${LABEL[r.status]}`,
      '',
      `_${esc(r.verdict)}_`,
      '',
    );
    for (const g of open) {
      const fix = g.remediation?.text ? ` — ${esc(g.remediation.text)}` : '';
      out.push(
        `- **${esc(g.title)}** (${g.severity}, ${g.result}): ${esc(
          g.message,
        )}${fix}`,
      );
    }
  }
  return out.join('\n');
}
