import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  CheckFailureCount,
  EntityOwnersEdit,
  EntityReadinessResponse,
  OwnershipResponse,
  HistoryResponse,
  ReadinessApi,
  ResultRow,
  ResultsQuery,
  ScorecardSummary,
  SummaryResponse,
} from './ReadinessApi';

/** Query string of a results query; lists repeat their key. */
export function resultsQueryString(query: ResultsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach(v => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  return params.toString();
}

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/**
 * {@link ReadinessApi} over HTTP, through Backstage's discovery and fetch APIs.
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl('readiness');
    const response = await this.options.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.request(path, init)).json();
  }

  async getScorecards(): Promise<ScorecardSummary[]> {
    return (await this.json<{ items: ScorecardSummary[] }>('/scorecards'))
      .items;
  }

  getEntity(entityRef: string): Promise<EntityReadinessResponse> {
    return this.json(entityPath(entityRef));
  }

  evaluate(entityRef: string): Promise<EntityReadinessResponse> {
    return this.json(`${entityPath(entityRef)}/evaluate`, { method: 'POST' });
  }

  getHistory(entityRef: string, days = 30): Promise<HistoryResponse> {
    return this.json(`${entityPath(entityRef)}/history?days=${days}`);
  }

  listResults(
    query: ResultsQuery,
  ): Promise<{ items: ResultRow[]; totalItems: number }> {
    return this.json(`/results?${resultsQueryString(query)}`);
  }

  getSummary(groupBy: string, scorecard?: string): Promise<SummaryResponse> {
    return this.json(
      `/summary?${resultsQueryString({ scorecard, groupBy } as any)}`,
    );
  }

  async listCheckFailures(scorecard: string): Promise<CheckFailureCount[]> {
    return (
      await this.json<{ items: CheckFailureCount[] }>(
        `/checks/${encodeURIComponent(scorecard)}`,
      )
    ).items;
  }

  getOwnership(entityRef: string): Promise<OwnershipResponse> {
    return this.json(`${entityPath(entityRef)}/ownership`);
  }

  saveOwnership(
    entityRef: string,
    edit: { roles: EntityOwnersEdit; reason?: string },
    version: number,
  ): Promise<OwnershipResponse> {
    return this.json(`${entityPath(entityRef)}/ownership`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${version}"`,
      },
      body: JSON.stringify(edit),
    });
  }

  async exportCsv(query: ResultsQuery): Promise<Blob> {
    const { offset: _o, limit: _l, ...rest } = query;
    return (
      await this.request(
        `/results?${resultsQueryString({ ...rest, format: 'csv' } as any)}`,
      )
    ).blob();
  }
}
