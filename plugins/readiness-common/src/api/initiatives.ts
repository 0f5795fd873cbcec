/**
 * What an initiative asks of every entity in its scope: a level of the
 * scorecard reached, or a set of its checks passing (exempt and not
 * applicable count as passing).
 *
 * @public
 */
export type InitiativeGoal = { level: string } | { checks: string[] };

/**
 * Which results an initiative covers, as the `/results` filters read them
 * (an owner includes its sub-groups; values as refs or names).
 *
 * @public
 */
export interface InitiativeScope {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
}

/**
 * The fields people set on an initiative.
 *
 * @public
 */
export interface InitiativeInput {
  title: string;
  description?: string;
  scorecard: string;
  goal: InitiativeGoal;
  scope: InitiativeScope;
  /** `YYYY-MM-DD`. */
  startsOn: string;
  /** `YYYY-MM-DD`: the goal must hold by the end of this day (UTC). */
  deadline: string;
  /** Who drives it: a group or user ref. */
  owner: string;
  /** Who backs it: a group or user ref. */
  sponsor?: string;
  /** `draft` until it is announced; `active` counts and reminds. */
  status: 'draft' | 'active';
}

/**
 * An initiative with where it stands: `done` once every entity in scope
 * meets the goal, `missed` when the deadline passed before that.
 *
 * @public
 */
export interface Initiative extends InitiativeInput {
  id: string;
  state: 'draft' | 'active' | 'done' | 'missed';
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  progress: { total: number; met: number; open: number };
  /** With `GET /initiatives?entity=…`: where that entity stands. */
  forEntity?: {
    entityRef: string;
    met: boolean;
    missing: Array<{ checkId?: string; title: string; remediation?: string }>;
  };
  /** With `GET /initiatives?owner=…`: that team's part (its sub-groups' included). */
  forOwner?: {
    owner: string;
    total: number;
    met: number;
    /** Its entities that do not meet the goal yet. */
    open: string[];
  };
}

/**
 * One initiative in full (`GET /initiatives/{id}`): the entities still
 * open with what they miss, and the burn-up from history.
 *
 * @public
 */
export interface InitiativeDetail extends Initiative {
  open: Array<{
    entityRef: string;
    title?: string;
    owner?: string;
    /** The goal's checks that do not pass yet, or the level missing. */
    missing: Array<{ checkId?: string; title: string; remediation?: string }>;
  }>;
  /** Per day from the start (or 90 days back) to today: entities meeting the goal. */
  burnup: Array<{ day: string; met: number; total: number }>;
  /** The burn-up of each owner's (spec.owner) entities in scope. */
  burnupByOwner?: Array<{
    owner: string;
    burnup: Array<{ day: string; met: number; total: number }>;
  }>;
  /** Per owner (spec.owner) of the entities in scope: met and total now. */
  byOwner: Array<{ owner: string; met: number; total: number }>;
}

/**
 * `GET /initiatives/{id}/standing`: "make it standing", the goal's checks
 * joining the scorecard as a YAML change to commit. Each goal check with a
 * later `enforceFrom` is enforced from `enforceFrom` (the day after today
 * when the initiative is done, else the day after its deadline); one
 * without counts already.
 *
 * @public
 */
export interface InitiativeStanding {
  id: string;
  scorecard: string;
  /** The scorecard's file, as `readiness.scorecards` names it. */
  file: string;
  /** `YYYY-MM-DD`: the day the checks count from. */
  enforceFrom: string;
  state: Initiative['state'];
  checks: Array<{
    id: string;
    title: string;
    change: 'enforce' | 'already';
    /** Its `enforceFrom` in the file now. */
    enforceFrom?: string;
  }>;
  /** The whole file with the change, comments kept. */
  yaml: string;
}
