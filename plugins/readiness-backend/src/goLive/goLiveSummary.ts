import type {
  GoLiveResponse,
  GoLiveSummary,
} from '@readiness/backstage-plugin-readiness-common';

/** A go-live's row of the org page's Go-lives table (`GET /go-lives`). */
export function toSummary(s: GoLiveResponse): GoLiveSummary {
  return {
    entityRef: s.entityRef,
    goLiveDate: s.goLiveDate!,
    phase: s.phase,
    ...(s.status ? { status: s.status } : {}),
    decision: { decision: s.decision.decision, short: s.decision.short },
    signoff: {
      signed: s.signoff.roles.filter(r => r.signoff).length,
      total: s.signoff.roles.length,
      complete: s.signoff.complete,
    },
    firstWeek: {
      done: s.firstWeek.filter(d => d.state === 'done' || d.state === 'late')
        .length,
      late: s.lateDailyChecks,
      missed: s.missedDailyChecks,
      due: s.firstWeek.some(d => d.state === 'due'),
      notOk: s.firstWeek.filter(
        d => d.check && Object.values(d.check.items).some(i => !i.ok),
      ).length,
    },
    closureReviewDue: s.closureReviewDue,
    closureReviewed: Boolean(s.closureReview),
  };
}
