import type { JsonValue } from '@backstage/types';

/**
 * How much a check matters. A `critical` check that does not pass blocks
 * go-live; `required` and `recommended` checks only lower the score.
 *
 * @public
 */
export type CheckSeverity = 'critical' | 'required' | 'recommended';

/**
 * The outcome of one check for one entity.
 * - `pass` / `fail`: evaluated;
 * - `error`: could not be evaluated (the message says why);
 * - `exempt`: waived by an exemption;
 * - `unknown`: no data yet (for example no probe or CI fact has arrived);
 * - `not-applicable`: the check's `when` does not hold for the entity (not
 *   counted; the message says why).
 *
 * @public
 */
export type CheckResultValue =
  | 'pass'
  | 'fail'
  | 'error'
  | 'exempt'
  | 'unknown'
  | 'not-applicable';

/**
 * The go-live status of an entity against a scorecard.
 * - `blocked`: a critical check does not pass;
 * - `ready`: the score reaches the passing score and nothing critical fails;
 * - `needs-work`: otherwise.
 *
 * @public
 */
export type ReadinessStatus = 'ready' | 'needs-work' | 'blocked';

/**
 * Every status, from best to worst.
 *
 * @public
 */
export const READINESS_STATUSES: readonly ReadinessStatus[] = [
  'ready',
  'needs-work',
  'blocked',
];

/**
 * An observed value about an entity, with its source and time: an HTTP probe
 * result, a value pushed by CI, or one from a custom probe.
 *
 * @public
 */
export interface Fact {
  /** Fact id, for example `http`, `loadtest` or `backup-restore`. */
  id: string;
  value: JsonValue;
  /** ISO 8601 time the value was observed. */
  observedAt: string;
  /** Who or what reported it, for example `probe:http` or `ci:github-actions`. */
  source?: string;
}

/**
 * A person's statement that a manual check is satisfied.
 *
 * @public
 */
export interface Attestation {
  checkId: string;
  /** Entity ref of the person who attested. */
  attestedBy: string;
  /** ISO 8601 time of the attestation. */
  attestedAt: string;
  /** ISO 8601 time after which the attestation no longer counts. */
  expiresAt?: string;
  evidenceUrl?: string;
  note?: string;
  /** Set when someone revoked it: it no longer counts. */
  revokedAt?: string;
  revokedBy?: string;
  revokeReason?: string;
}

/**
 * A check waived for an entity.
 *
 * @public
 */
export interface Exemption {
  checkId: string;
  reason: string;
  /** Entity ref of the person who approved the exemption. */
  approvedBy: string;
  /** ISO 8601 time after which the exemption no longer applies. */
  expiresAt?: string;
}

/**
 * The result of one check for one entity.
 *
 * @public
 */
export interface CheckResult {
  checkId: string;
  title: string;
  area: string;
  severity: CheckSeverity;
  weight: number;
  result: CheckResultValue;
  /** A sentence for people: what was found, and what was expected. */
  message: string;
  /** The value that was compared, where a value was compared. */
  observed?: JsonValue;
  /** The value it was compared with, where a value was compared. */
  threshold?: JsonValue;
  /** Where the result comes from: a fact, an attestation, an exemption. */
  evidence?: {
    source?: string;
    observedAt?: string;
    url?: string;
    by?: string;
    expiresAt?: string;
    note?: string;
  };
  /** Set while the check is not yet enforced (see `enforceFrom`). */
  enforceFrom?: string;
  /** True when the check fails but is not enforced yet: a warning, not counted. */
  upcoming?: boolean;
  /** False when the result does not count towards score and status. */
  counted: boolean;
  remediation?: { text?: string; link?: string };
}

/**
 * Score of one area of the scorecard.
 *
 * @public
 */
export interface AreaScore {
  id: string;
  title: string;
  /** Weighted percentage, 0–100, of counted checks that pass. */
  score: number;
  passed: number;
  /** Number of counted checks. */
  total: number;
  /** Ids of counted checks that do not pass. */
  failing: string[];
}

/**
 * How ready one entity is against one scorecard.
 *
 * @public
 */
export interface EntityReadiness {
  entityRef: string;
  scorecard: string;
  status: ReadinessStatus;
  /** Weighted percentage, 0–100, rounded to one decimal. */
  score: number;
  passingScore: number;
  /** The highest level reached, or undefined when none. */
  level?: { id: string; title: string };
  /** Text for people: what the status means for go-live. */
  verdict: string;
  areas: AreaScore[];
  checks: CheckResult[];
  /** ISO 8601 time of the evaluation (the `now` it was given). */
  evaluatedAt: string;
  /**
   * ISO 8601 time at which this result can change by the passing of time
   * alone (an exemption or attestation runs out, a fact becomes too old, a
   * check starts to count); absent when nothing in it is time-bound.
   */
  validUntil?: string;
}

/**
 * The value of an `http` fact: what an HTTP probe of the entity's
 * `readiness/health-url` observed.
 *
 * @public
 */
export interface HttpProbeValue {
  url: string;
  /** HTTP status code, when a response arrived. */
  status?: number;
  /** Time to the response, in milliseconds. */
  latencyMs?: number;
  /** Why no response arrived (DNS, connection refused, timeout…). */
  error?: string;
  /** Days until the TLS certificate expires, for https URLs. */
  tlsDaysLeft?: number;
  /** Whether the certificate chains to a trusted root and matches the host. */
  tlsTrusted?: boolean;
  /** Why the certificate is not trusted, when it is not. */
  tlsError?: string;
  /** Redirects followed to the final response. */
  redirects?: number;
  /** Where the redirects ended, when they went elsewhere. */
  finalUrl?: string;
  /** Whether the http:// form of the URL redirects to https://. */
  httpsRedirect?: boolean;
  /** Whether the response carries a Strict-Transport-Security header. */
  hsts?: boolean;
  /** TLS protocol the server chose with a modern client, e.g. `TLSv1.3`. */
  tlsVersion?: string;
  /** Whether the response carries a Content-Security-Policy header. */
  csp?: boolean;
  /**
   * The Access-Control-Allow-Origin the server answered to a request from a
   * foreign origin (`https://readiness-probe.invalid`); absent when none.
   */
  corsAllowOrigin?: string;
}
