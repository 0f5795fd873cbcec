import type { OwnershipRoles } from '../ownership';
import type { CheckResult, EntityReadiness } from '../types';
import { describeDuration } from '../engine/duration';
import { DAILY_CHECK_ITEMS } from './firstWeek';
import type { GoLiveResponse } from './types';
import { OWNERSHIP_ROLE_LABELS, OWNERSHIP_ROLES } from '../annotations';
import { GO_LIVE_QUESTIONS, GoLiveQuestion } from './questions';

/**
 * What a go-live report is written from.
 *
 * @public
 */
export interface GoLiveReportInput {
  entityRef: string;
  title?: string;
  /** The result under the scorecard the report is for. */
  result?: EntityReadiness;
  owners: OwnershipRoles & { owner?: string };
  goLive: GoLiveResponse;
  /** The time the report is written (ages of evidence are from it). */
  now: Date;
  /**
   * The questions to answer: the scorecard's `goLiveQuestions` (checklist
   * [000]'s six by default); none leaves the section out.
   */
  questions?: ReadonlyArray<GoLiveQuestion>;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** "3 days old" from an ISO time, or '' when there is none. */
function age(iso: string | undefined, now: Date): string {
  if (!iso) return '';
  const ms = now.getTime() - Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return `${describeDuration(ms)} old`;
}

function evidenceOf(c: CheckResult, now: Date): string {
  const e = c.evidence;
  if (!e) return '';
  const parts = [
    e.by && `by ${e.by}`,
    e.source && `from ${e.source}`,
    e.observedAt && `${e.observedAt.slice(0, 10)}, ${age(e.observedAt, now)}`,
    e.note && `“${e.note}”`,
    e.url,
    e.expiresAt && `until ${e.expiresAt.slice(0, 10)}`,
  ].filter(Boolean);
  return parts.join('; ');
}

/**
 * Answers one of the six questions from the checks that cover it: answered
 * when every such check passes (or is exempt), with the evidence; otherwise
 * "unanswered" with what is missing.
 */
function answer(
  q: GoLiveQuestion,
  result: EntityReadiness | undefined,
  now: Date,
): { answered: boolean; lines: string[] } {
  const checks = q.checks
    .map(id => result?.checks.find(c => c.checkId === id))
    .filter((c): c is CheckResult => Boolean(c));
  if (checks.length === 0)
    return {
      answered: false,
      lines: ['Unanswered: the scorecard has no check that answers it.'],
    };
  const closed = (c: CheckResult) =>
    c.result === 'pass' ||
    c.result === 'exempt' ||
    c.result === 'not-applicable';
  const open = checks.filter(c => !closed(c));
  const lines = checks.map(c => {
    const ev = evidenceOf(c, now);
    let mark = closed(c) ? '✓' : '✗';
    if (c.result === 'not-applicable') mark = '–';
    return `${mark} ${c.title}: ${c.message}${ev ? ` (${ev})` : ''}`;
  });
  return {
    answered: open.length === 0,
    lines: open.length === 0 ? lines : ['Unanswered.', ...lines],
  };
}

/**
 * Writes the go-live note of checklist [000] as Markdown: status and verdict,
 * score and level, owners and channel, open and exempt checks with their
 * remediation, evidence with its age, the six questions each answered or
 * "unanswered", sign-offs, the first week and its closure review.
 *
 * @public
 */
export function renderGoLiveReport(input: GoLiveReportInput): string {
  const { result, owners, goLive, now } = input;
  const out: string[] = [];
  const verdict = goLive.decision;
  out.push(`# Go-live note: ${input.title ?? input.entityRef}`, '');
  out.push(`Entity: \`${input.entityRef}\`  `);
  out.push(`Written: ${now.toISOString()}  `);
  out.push(
    `Go-live date: ${goLive.goLiveDate ?? 'not set'} (${
      goLive.phase.label ? `${goLive.phase.label}: ` : ''
    }${goLive.phase.title})`,
    '',
  );

  out.push('## Decision', '');
  out.push(`**${verdict.text}**`, '');
  if (verdict.incompleteAreas.length > 0 && verdict.decision !== 'not-ready') {
    out.push('Incomplete areas:', '');
    for (const a of verdict.incompleteAreas)
      out.push(`- ${a.title}: ${a.open.join(', ')} open`);
    out.push('');
  }
  if (result) {
    out.push(
      `Status ${result.status}, score ${result.score} of ${
        result.passingScore
      } needed, level ${result.level?.title ?? 'none'} (scorecard ${
        result.scorecard
      }, evaluated ${result.evaluatedAt}).`,
      '',
    );
  }

  out.push('## Owners', '');
  out.push('| role | owner |', '| --- | --- |');
  const row = (role: string, v?: string) =>
    out.push(`| ${role} | ${v ? cell(v) : 'not set'} |`);
  row('Owner (spec.owner)', owners.owner);
  for (const role of OWNERSHIP_ROLES)
    row(OWNERSHIP_ROLE_LABELS[role], owners[role]);
  row('Communication channel', owners.channel);
  row('Runbook', owners.runbook);
  out.push('');

  const questions = input.questions ?? GO_LIVE_QUESTIONS;
  if (questions.length) {
    out.push('## Questions before go-live', '');
    questions.forEach((q, i) => {
      const a = answer(q, result, now);
      out.push(
        `${i + 1}. **${q.question}** ${
          a.answered ? 'Answered.' : ''
        }`.trimEnd(),
      );
      for (const line of a.lines) out.push(`   - ${line}`);
    });
    out.push('');
  }

  const open = (result?.checks ?? []).filter(
    c => c.counted && c.result !== 'pass',
  );
  out.push('## Open checks', '');
  if (open.length === 0) out.push('None.');
  for (const c of open) {
    out.push(
      `- **${c.title}** (${c.severity}${
        c.severity === 'critical' ? ', blocks go-live' : ''
      }): ${c.message}${
        c.remediation?.text ? `. To fix: ${c.remediation.text}` : ''
      }`,
    );
  }
  out.push('');

  const exempt = (result?.checks ?? []).filter(c => c.result === 'exempt');
  if (exempt.length > 0) {
    out.push('## Exemptions', '');
    for (const c of exempt) out.push(`- **${c.title}**: ${c.message}`);
    out.push('');
  }

  const notApplicable = (result?.checks ?? []).filter(
    c => c.result === 'not-applicable',
  );
  if (notApplicable.length > 0) {
    out.push('## Does not apply', '');
    for (const c of notApplicable) out.push(`- **${c.title}**: ${c.message}`);
    out.push('');
  }

  const evidence = (result?.checks ?? []).filter(
    c => c.result !== 'exempt' && c.evidence,
  );
  out.push('## Evidence', '');
  if (evidence.length === 0) out.push('None recorded.');
  else {
    out.push('| check | result | evidence |', '| --- | --- | --- |');
    for (const c of evidence)
      out.push(
        `| ${cell(c.title)} | ${c.result} | ${cell(evidenceOf(c, now))} |`,
      );
  }
  out.push('');

  out.push('## Sign-off', '');
  out.push('| role | signed by | when | note |', '| --- | --- | --- | --- |');
  for (const r of goLive.signoff.roles) {
    const s = r.signoff;
    out.push(
      s
        ? `| ${cell(r.title)} | ${s.signedBy} | ${s.signedAt} | ${cell(
            s.note ?? '',
          )} |`
        : `| ${cell(r.title)} | not signed | | |`,
    );
  }
  for (const v of goLive.signoff.voided) {
    out.push(
      `| ${cell(v.role)} (void: ${cell(v.voidReason ?? 'voided')}) | ${
        v.signedBy
      } | ${v.signedAt} | ${cell(v.note ?? '')} |`,
    );
  }
  out.push('');

  if (goLive.checklists.length > 0) {
    out.push('## Go-live checklists', '');
    for (const list of goLive.checklists) {
      const done = list.items.filter(i => i.doneBy).length;
      out.push(
        `### ${list.label} (from ${list.opensOn}): ${done} of ${list.items.length}`,
        '',
      );
      for (const i of list.items)
        out.push(
          i.doneBy
            ? `- [x] ${i.title} (${i.doneBy}, ${i.doneAt?.slice(0, 10)}${
                i.note ? `: ${cell(i.note)}` : ''
              })`
            : `- [ ] ${i.title}`,
        );
      out.push('');
    }
  }

  if (goLive.firstWeek.length > 0) {
    out.push('## First production week', '');
    out.push(
      `| day | date | state | ${DAILY_CHECK_ITEMS.map(i => i.title).join(
        ' | ',
      )} |`,
      `| --- | --- | --- | ${DAILY_CHECK_ITEMS.map(() => '---').join(' | ')} |`,
    );
    for (const d of goLive.firstWeek) {
      const items = DAILY_CHECK_ITEMS.map(i => {
        const item = d.check?.items[i.id];
        if (!item) return '';
        return `${item.ok ? 'ok' : 'NOT OK'}${
          item.note ? `: ${cell(item.note)}` : ''
        }`;
      });
      out.push(
        `| T+${d.day} | ${d.date} | ${d.state} | ${items.join(' | ')} |`,
      );
    }
    out.push('');
    out.push('### Risky actions', '');
    if (goLive.riskyActions.length === 0) out.push('None recorded.');
    for (const a of goLive.riskyActions) {
      out.push(
        `- ${a.recordedAt.slice(0, 10)} ${a.kind}: ${a.description} (owner ${
          a.owner
        }; ${a.outcome}${a.note ? `; ${a.note}` : ''})`,
      );
    }
    out.push('');
    out.push('### Closure review', '');
    const r = goLive.closureReview;
    if (!r)
      out.push(
        goLive.closureReviewDue
          ? 'Due: not recorded yet.'
          : 'Not yet: it comes at the end of the first week.',
      );
    else {
      out.push(`Reviewed by ${r.reviewedBy} on ${r.reviewedAt}.`, '');
      out.push(`- P1/P2 incidents: ${r.incidents}`);
      out.push(`- Support requests: ${r.supportRequests}`);
      out.push(`- Quality deviations: ${r.qualityDeviations}`);
      out.push(`- Missing runbook steps: ${r.missingRunbookSteps}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
