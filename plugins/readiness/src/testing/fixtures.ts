import type {
  GoLiveResponse,
  CheckResult,
  OwnershipResponse,
} from '@readiness/backstage-plugin-readiness-common';
import type { EntityReadinessResponse, ReadinessApi } from '../api';

const check = (
  checkId: string,
  over: Partial<CheckResult> = {},
): CheckResult => ({
  checkId,
  title: checkId,
  area: 'ownership',
  severity: 'required',
  weight: 3,
  result: 'pass',
  message: `${checkId} is fine`,
  counted: true,
  ...over,
});

/** A blocked service: a critical ownership check fails, a recommended one is unknown. */
export const blockedResponse: EntityReadinessResponse = {
  entityRef: 'component:default/ledger-service',
  applicableScorecards: ['production'],
  owners: {
    owner: 'group:default/payments',
    incident: 'group:default/billing-oncall',
    technical: 'group:default/payments',
    communication: 'group:default/customer-support',
    channel: 'slack:#ledger',
  },
  results: [
    {
      entityRef: 'component:default/ledger-service',
      scorecard: 'production',
      status: 'blocked',
      score: 82.5,
      passingScore: 97,
      verdict: 'Not ready to go live.',
      areas: [
        {
          id: 'ownership',
          title: 'Operational ownership',
          score: 50,
          passed: 1,
          total: 2,
          failing: ['incident-owner'],
        },
        {
          id: 'observability',
          title: 'Observability',
          score: 100,
          passed: 1,
          total: 2,
          failing: ['health-latency'],
        },
      ],
      checks: [
        check('technical-owner', {
          title: 'Technical owner is named',
          severity: 'critical',
        }),
        check('incident-owner', {
          title: 'Incident owner is named and reachable',
          severity: 'critical',
          result: 'fail',
          message:
            'incident owner group:default/billing-oncall does not exist in the catalog',
          remediation: {
            text: 'Set readiness/incident-owner to an existing group.',
          },
        }),
        check('health-responds', {
          title: 'Health endpoint answers',
          area: 'observability',
        }),
        check('health-latency', {
          title: 'Health endpoint answers within a second',
          area: 'observability',
          severity: 'recommended',
          result: 'unknown',
          message: 'not probed yet',
        }),
      ],
      evaluatedAt: '2026-11-23T12:00:00.000Z',
      changedAt: '2026-11-23T11:00:00.000Z',
      stale: false,
    },
  ],
};

/** Ownership of the blocked fixture, editable, never edited. */
export const ownershipResponse = {
  entityRef: 'component:default/ledger-service',
  version: 0,
  effective: {
    incident: 'group:default/billing-oncall',
    technical: 'group:default/payments',
    communication: 'group:default/customer-support',
    channel: 'slack:#ledger',
  },
  catalog: {
    incident: 'group:default/billing-oncall',
    technical: 'group:default/payments',
    communication: 'group:default/customer-support',
    channel: 'slack:#ledger',
  },
  overridden: [],
  fileChanged: [],
  problems: {
    incident: 'group:default/billing-oncall does not exist in the catalog',
  },
  differsFromCatalog: false,
  canEdit: true,
  history: [],
  confirmations: {},
} satisfies OwnershipResponse;

/** A ReadinessApi with jest mocks, answering with the blocked fixture by default. */
/** A service going live 2026-12-01, seen on T+3 with T+2 missed. */
export function goLiveResponse(
  over: Partial<GoLiveResponse> = {},
): GoLiveResponse {
  const roles = [
    { id: 'security', title: 'Security team' },
    { id: 'operations', title: 'Operations team' },
  ];
  const day = (n: number, state: 'done' | 'missed' | 'due' | 'upcoming') => ({
    day: n,
    date: `2026-12-0${1 + n}`,
    state,
  });
  return {
    entityRef: 'component:default/ledger-service',
    goLiveDate: '2026-12-01',
    phase: {
      phase: 'first-week',
      day: 3,
      label: 'T+3',
      title: 'First production week: a check every day',
    },
    status: 'ready',
    scorecard: 'production',
    decision: {
      decision: 'awaiting-sign-off',
      short: 'Awaiting sign-off (0 of 2)',
      text: 'Ready, awaiting sign-off (0 of 2 roles): not a production launch until every role has signed.',
      incompleteAreas: [],
      blocking: [],
    },
    signoff: { roles, voided: [], complete: false },
    checklists: [],
    firstWeek: [
      day(1, 'done'),
      day(2, 'missed'),
      day(3, 'due'),
      day(4, 'upcoming'),
      day(5, 'upcoming'),
      day(6, 'upcoming'),
      day(7, 'upcoming'),
    ],
    missedDailyChecks: 1,
    lateDailyChecks: 0,
    canSign: true,
    canRecord: true,
    dailyChecks: [],
    riskyActions: [],
    closureReviewDue: false,
    ...over,
  };
}

export function mockReadinessApi(
  over: Partial<ReadinessApi> = {},
): jest.Mocked<ReadinessApi> {
  return {
    getScorecards: jest.fn(async () => [
      {
        name: 'production',
        title: 'Production readiness',
        revision: { hash: 'a1b2c3d4e5f6' },
        passingScore: 97,
        areas: [{ id: 'ownership', title: 'Operational ownership', checks: 2 }],
        levels: [],
        checks: [
          {
            id: 'incident-owner',
            title: 'Incident owner named',
            area: 'ownership',
            severity: 'critical',
          },
          {
            id: 'runbook',
            title: 'Runbook linked',
            area: 'ownership',
            severity: 'required',
          },
        ],
      },
    ]),
    getEntity: jest.fn(async () => blockedResponse),
    evaluate: jest.fn(async () => blockedResponse),
    getHistory: jest.fn(async () => ({
      entityRef: blockedResponse.entityRef,
      points: [],
      changes: [],
    })),
    listResults: jest.fn(async () => ({ items: [], totalItems: 0 })),
    getStatuses: jest.fn(async () => ({ items: [] })),
    getOrgHistory: jest.fn(async () => ({ scorecard: 'production', days: [] })),
    getSummary: jest.fn(async () => ({
      scorecard: 'production',
      groupBy: 'owner',
      overall: {
        key: 'all',
        total: 3,
        counts: { ready: 1, 'needs-work': 1, blocked: 1 },
        meanScore: 80,
        areaPassRate: {},
      },
      groups: [],
    })),
    listCheckFailures: jest.fn(async () => []),
    exportCsv: jest.fn(async () => new Blob(['a,b'])),
    getOwnership: jest.fn(async () => ownershipResponse),
    saveOwnership: jest.fn(async () => ({ ...ownershipResponse, version: 2 })),
    revertOwnership: jest.fn(async () => ({
      ...ownershipResponse,
      version: 2,
    })),
    listOwnershipEdits: jest.fn(async () => []),
    listNamedRoles: jest.fn(async () => []),
    getOnboarding: jest.fn(async (owner, field) => ({
      owner,
      field,
      items: [],
      truncated: false,
    })),
    getInbox: jest.fn(async () => ({ items: [] })),
    listInitiatives: jest.fn(async () => ({ items: [], canManage: false })),
    getInitiative: jest.fn(async () => {
      throw new Error('no initiative');
    }),
    createInitiative: jest.fn(),
    updateInitiative: jest.fn(),
    getInitiativeSummary: jest.fn(async () => ({
      fileName: 'initiative-1.md',
      markdown: '# x',
    })),
    getInitiativeStanding: jest.fn(async () => {
      throw new Error('no standing');
    }),
    getScorecard: jest.fn(async () => {
      throw new Error('no scorecard');
    }),
    previewScorecard: jest.fn(async () => {
      throw new Error('no preview');
    }),
    confirmOwnership: jest.fn(async () => ownershipResponse),
    confirmRolesOf: jest.fn(async owner => ({
      owner,
      items: [],
      confirmed: 0,
      failed: 0,
    })),
    saveOwnershipInBulk: jest.fn(async () => ({
      items: [],
      changed: 0,
      failed: 0,
      notified: 0,
    })),
    listAttestations: jest.fn(async () => ({
      items: [],
      canAttest: false,
      checks: [],
    })),
    attest: jest.fn(),
    revokeAttestation: jest.fn(),
    listExemptions: jest.fn(async () => ({
      items: [],
      canRequest: false,
      canGrant: false,
      maxDays: 90,
    })),
    requestExemption: jest.fn(),
    grantExemption: jest.fn(),
    revokeExemption: jest.fn(),
    pushFacts: jest.fn(),
    getGoLive: jest.fn(async () => goLiveResponse()),
    listGoLives: jest.fn(async () => []),
    signOff: jest.fn(),
    requestSignoff: jest.fn(async () => ({
      asked: 2,
      roles: ['security', 'operations'],
      nobody: [],
    })),
    tickPhaseItem: jest.fn(),
    recordDailyCheck: jest.fn(),
    recordRiskyAction: jest.fn(),
    recordClosureReview: jest.fn(),
    getReport: jest.fn(async () => ({
      fileName: 'go-live.md',
      markdown: '# Go-live note',
    })),
    ...over,
  } as jest.Mocked<ReadinessApi>;
}
