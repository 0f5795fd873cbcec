/**
 * A question the go-live note answers from check results: answered when
 * every check that covers it passes (or is exempt, or does not apply).
 *
 * @public
 */
export interface GoLiveQuestion {
  id: string;
  question: string;
  /** The checks whose results answer it. */
  checks: string[];
}

/**
 * The six questions checklist [000] asks before go-live, and the checks of
 * the default scorecard whose results answer each: what a scorecard asks
 * when its `spec.goLive.questions` says nothing (the production scorecard
 * of the examples writes them out).
 *
 * @public
 */
export const GO_LIVE_QUESTIONS: ReadonlyArray<GoLiveQuestion> = [
  {
    id: 'first-15-minutes',
    question: 'Who does what in the first 15 minutes when an error occurs?',
    checks: ['incident-owner', 'runbook', 'runbook-reviewed'],
  },
  {
    id: 'action-rollback',
    question: 'How will an incorrect or risky automated action be rolled back?',
    checks: ['action-rollback', 'rollback-rehearsed'],
  },
  {
    id: 'alerts',
    question: 'Which dashboard will trigger an alert at which threshold?',
    checks: ['dashboard', 'alert-thresholds'],
  },
  {
    id: 'communication',
    question:
      'Which communication channel is used if customers or internal users are affected?',
    checks: ['communication-owner', 'support-channel'],
  },
  {
    id: 'connectors',
    question:
      'Are ownership and permission scope clear for every connector that accesses production data?',
    checks: ['connectors-scoped', 'permission-boundary'],
  },
  {
    id: 'model-rollback',
    question:
      'If a model or prompt change reduces quality, how long does returning to the previous version take?',
    checks: ['model-rollback'],
  },
];
