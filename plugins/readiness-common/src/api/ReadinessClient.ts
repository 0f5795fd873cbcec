import { ResponseError } from '@backstage/errors';
import { entityPath } from '../refs';
import type * as Api from './apiTypes';

import type { ReadinessApi } from './ReadinessApi';
import { resultsQueryString } from './resultsQueryString';

export type { ReadinessApi } from './ReadinessApi';
export { resultsQueryString } from './resultsQueryString';

/**
 * {@link ReadinessApi} over HTTP. Isomorphic: give it Backstage's discovery
 * and fetch APIs in the browser, or the discovery service and a fetch that
 * adds a token in a backend.
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  constructor(
    private readonly options: {
      discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
      fetchApi?: { fetch: typeof fetch };
    },
  ) {}

  /**
   * A client for backends and scripts that sends `Authorization: Bearer
   * <token>` with every request (a plugin-to-plugin token, an external
   * access token, a user's token).
   */
  static withToken(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    token: string;
    fetch?: typeof fetch;
  }): ReadinessClient {
    const doFetch = options.fetch ?? fetch;
    return new ReadinessClient({
      discoveryApi: options.discoveryApi,
      fetchApi: {
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('authorization', `Bearer ${options.token}`);
          return doFetch(input, { ...init, headers });
        },
      },
    });
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl('readiness');
    const doFetch = this.options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(`${base}${path}`, init);
    if (!response.ok) {
      // Keep the ResponseError (status, body) but say what the server said:
      // "roles.runbook: … is not an http(s) URL", not "400 Bad Request".
      const error = await ResponseError.fromResponse(response);
      const said = error.body?.error?.message;
      if (said) error.message = said;
      throw error;
    }
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.request(path, init)).json() as Promise<T>;
  }

  async getScorecards(): Promise<Api.ScorecardSummary[]> {
    return (await this.json<{ items: Api.ScorecardSummary[] }>('/scorecards'))
      .items;
  }

  getScorecard(name: string): Promise<Api.ScorecardDetail> {
    return this.json(`/scorecards/${encodeURIComponent(name)}`);
  }

  getEntity(entityRef: string): Promise<Api.EntityReadinessResponse> {
    return this.json(entityPath(entityRef));
  }

  evaluate(entityRef: string): Promise<Api.EntityReadinessResponse> {
    return this.json(`${entityPath(entityRef)}/evaluate`, { method: 'POST' });
  }

  getHistory(entityRef: string, days = 30): Promise<Api.HistoryResponse> {
    return this.json(`${entityPath(entityRef)}/history?days=${days}`);
  }

  getOrgHistory(
    query: Api.ResultsQuery & { days?: number },
  ): Promise<Api.OrgHistoryResponse> {
    const { scorecard, status, owner, system, domain, lifecycle, kind } = query;
    const { type, check, days } = query;
    return this.json(
      `/history?${resultsQueryString({
        scorecard,
        status,
        owner,
        system,
        domain,
        lifecycle,
        kind,
        type,
        check,
        days,
      })}`,
    );
  }

  getStatuses(query: {
    entity?: string[];
    status?: Api.ReadinessStatus[];
  }): Promise<Api.StatusesResponse> {
    const params = new URLSearchParams();
    for (const e of query.entity ?? []) params.append('entity', e);
    for (const s of query.status ?? []) params.append('status', s);
    return this.json(`/statuses?${params}`);
  }

  listResults(query: Api.ResultsQuery): Promise<Api.ResultsPage> {
    return this.json(`/results?${resultsQueryString(query)}`);
  }

  getSummary(
    groupBy: Api.SummaryGroupBy,
    scorecard?: string,
  ): Promise<Api.SummaryResponse> {
    return this.json(`/summary?${resultsQueryString({ scorecard, groupBy })}`);
  }

  async listCheckFailures(scorecard: string): Promise<Api.CheckFailureCount[]> {
    return (
      await this.json<{ items: Api.CheckFailureCount[] }>(
        `/checks/${encodeURIComponent(scorecard)}`,
      )
    ).items;
  }

  async getCheckFailures(
    scorecard: string,
    checkId: string,
  ): Promise<Api.CheckFailure[]> {
    return (
      await this.json<{ items: Api.CheckFailure[] }>(
        `/checks/${encodeURIComponent(scorecard)}/${encodeURIComponent(
          checkId,
        )}/failures`,
      )
    ).items;
  }

  getOwnership(entityRef: string): Promise<Api.OwnershipResponse> {
    return this.json(`${entityPath(entityRef)}/ownership`);
  }

  saveOwnership(
    entityRef: string,
    update: Api.OwnershipUpdate,
    version: number,
  ): Promise<Api.OwnershipResponse> {
    return this.json(`${entityPath(entityRef)}/ownership`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${version}"`,
      },
      body: JSON.stringify(update),
    });
  }

  revertOwnership(
    entityRef: string,
    revert: Api.OwnershipRevert,
    version: number,
  ): Promise<Api.OwnershipResponse> {
    return this.json(`${entityPath(entityRef)}/ownership/revert`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${version}"`,
      },
      body: JSON.stringify(revert),
    });
  }

  async listNamedRoles(ownerRef: string): Promise<Api.NamedOwnerRole[]> {
    return (
      await this.json<{ items: Api.NamedOwnerRole[] }>(
        `/ownership/named?${new URLSearchParams({ owner: ownerRef })}`,
      )
    ).items;
  }

  getOnboarding(
    ownerRef: string,
    field: Api.OnboardingField,
  ): Promise<Api.OnboardingResponse> {
    return this.json(
      `/ownership/onboarding?${new URLSearchParams({
        owner: ownerRef,
        field,
      })}`,
    );
  }

  saveOwnershipInBulk(
    input: Api.BulkOwnershipInput,
  ): Promise<Api.BulkOwnershipResponse> {
    return this.json('/ownership/bulk', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  confirmOwnership(
    entityRef: string,
    input: Api.OwnershipConfirm,
  ): Promise<Api.OwnershipResponse> {
    return this.json(`${entityPath(entityRef)}/ownership/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  confirmRolesOf(
    ownerRef: string,
    reason?: string,
  ): Promise<Api.RoleConfirmationResponse> {
    return this.json('/ownership/confirm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ owner: ownerRef, reason }),
    });
  }

  listInitiatives(
    options: { entity?: string; owner?: string } = {},
  ): Promise<{ items: Api.Initiative[]; canManage: boolean }> {
    const query = new URLSearchParams(
      Object.entries(options).filter(([, v]) => v) as [string, string][],
    ).toString();
    return this.json(`/initiatives${query ? `?${query}` : ''}`);
  }

  getInitiative(id: string): Promise<Api.InitiativeDetail> {
    return this.json(`/initiatives/${encodeURIComponent(id)}`);
  }

  createInitiative(input: Api.InitiativeInput): Promise<Api.InitiativeDetail> {
    return this.json('/initiatives', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  updateInitiative(
    id: string,
    input: Api.InitiativeInput,
    version: number,
  ): Promise<Api.InitiativeDetail> {
    return this.json(`/initiatives/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${version}"`,
      },
      body: JSON.stringify(input),
    });
  }

  async getInitiativeSummary(
    id: string,
  ): Promise<{ fileName: string; markdown: string }> {
    const response = await this.request(
      `/initiatives/${encodeURIComponent(id)}/summary`,
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? `initiative-${id}.md`;
    return { fileName, markdown: await response.text() };
  }

  getInitiativeStanding(id: string): Promise<Api.InitiativeStanding> {
    return this.json(`/initiatives/${encodeURIComponent(id)}/standing`);
  }

  previewScorecard(
    input: Api.ScorecardPreviewInput,
  ): Promise<Api.ScorecardPreview> {
    return this.json('/scorecards/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  getInbox(): Promise<Api.InboxResponse> {
    return this.json('/inbox');
  }

  async listOwnershipEdits(): Promise<Api.OwnershipEdit[]> {
    return (await this.json<{ items: Api.OwnershipEdit[] }>('/ownership'))
      .items;
  }

  async exportCsv(query: Api.ResultsQuery): Promise<Blob> {
    const { offset: _o, limit: _l, ...rest } = query;
    return (
      await this.request(
        `/results?${resultsQueryString({ ...rest, format: 'csv' })}`,
      )
    ).blob();
  }

  pushFacts(
    items: Api.EntityFactsInput | Api.EntityFactsInput[],
  ): Promise<Api.FactsPushResponse> {
    return this.json('/facts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Array.isArray(items) ? { items } : items),
    });
  }

  private send<T>(path: string, method: string, body?: object): Promise<T> {
    return this.json(path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  listAttestations(entityRef: string): Promise<Api.AttestationsResponse> {
    return this.json(`${entityPath(entityRef)}/attestations`);
  }

  attest(
    entityRef: string,
    input: Api.AttestationInput,
  ): Promise<Api.AttestationsResponse> {
    return this.send(`${entityPath(entityRef)}/attestations`, 'POST', input);
  }

  revokeAttestation(
    entityRef: string,
    id: string,
    reason: string,
  ): Promise<Api.AttestationsResponse> {
    return this.send(
      `${entityPath(entityRef)}/attestations/${encodeURIComponent(id)}`,
      'DELETE',
      { reason },
    );
  }

  listExemptions(entityRef: string): Promise<Api.ExemptionsResponse> {
    return this.json(`${entityPath(entityRef)}/exemptions`);
  }

  requestExemption(
    entityRef: string,
    input: Api.ExemptionInput,
  ): Promise<Api.ExemptionsResponse> {
    return this.send(`${entityPath(entityRef)}/exemptions`, 'POST', input);
  }

  grantExemption(
    entityRef: string,
    id: string,
  ): Promise<Api.ExemptionsResponse> {
    return this.send(
      `${entityPath(entityRef)}/exemptions/${encodeURIComponent(id)}/grant`,
      'POST',
    );
  }

  revokeExemption(
    entityRef: string,
    id: string,
  ): Promise<Api.ExemptionsResponse> {
    return this.send(
      `${entityPath(entityRef)}/exemptions/${encodeURIComponent(id)}`,
      'DELETE',
    );
  }

  async listGoLives(
    options: { all?: boolean } = {},
  ): Promise<Api.GoLiveSummary[]> {
    return (
      await this.json<{ items: Api.GoLiveSummary[] }>(
        `/go-lives${options.all ? '?all=true' : ''}`,
      )
    ).items;
  }

  getGoLive(entityRef: string): Promise<Api.GoLiveResponse> {
    return this.json(`${entityPath(entityRef)}/go-live`);
  }

  signOff(
    entityRef: string,
    input: { role: string; note?: string },
  ): Promise<Api.GoLiveResponse> {
    return this.send(
      `${entityPath(entityRef)}/go-live/signoffs`,
      'POST',
      input,
    );
  }

  requestSignoff(
    entityRef: string,
  ): Promise<{ asked: number; roles: string[]; nobody: string[] }> {
    return this.send(
      `${entityPath(entityRef)}/go-live/signoff-requests`,
      'POST',
    );
  }

  tickPhaseItem(
    entityRef: string,
    input: { phase: string; week?: number; item: string; note?: string },
  ): Promise<Api.GoLiveResponse> {
    return this.send(
      `${entityPath(entityRef)}/go-live/phase-items`,
      'POST',
      input,
    );
  }

  recordDailyCheck(
    entityRef: string,
    input: { day?: string; items: Api.DailyCheck['items'] },
  ): Promise<Api.GoLiveResponse> {
    return this.send(
      `${entityPath(entityRef)}/go-live/daily-checks`,
      'POST',
      input,
    );
  }

  recordRiskyAction(
    entityRef: string,
    input: Omit<Api.RiskyAction, 'id' | 'recordedBy' | 'recordedAt'>,
  ): Promise<Api.GoLiveResponse> {
    return this.send(
      `${entityPath(entityRef)}/go-live/risky-actions`,
      'POST',
      input,
    );
  }

  recordClosureReview(
    entityRef: string,
    input: Omit<Api.ClosureReview, 'reviewedBy' | 'reviewedAt'>,
  ): Promise<Api.GoLiveResponse> {
    return this.send(
      `${entityPath(entityRef)}/go-live/closure-review`,
      'POST',
      input,
    );
  }

  async getReport(
    entityRef: string,
  ): Promise<{ fileName: string; markdown: string }> {
    const response = await this.request(`${entityPath(entityRef)}/report`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'go-live-note.md';
    return { fileName, markdown: await response.text() };
  }
}
