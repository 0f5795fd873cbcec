import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { EvaluationStateStore } from './evaluation/EvaluationStateStore';
import { EvidenceStore } from './evidence/EvidenceStore';
import { GoLiveStore } from './goLive/GoLiveStore';
import { InitiativeStore } from './initiatives/InitiativeStore';
import { NotificationLog } from './notifications/NotificationLog';
import { HistoryStore } from './results/HistoryStore';
import { applyDatabaseMigrations } from './platform/database/migrations';
import { OwnershipStore } from './ownership/OwnershipStore';
import { ScorecardLookup } from './results/resultCodec';
import { ResultsStore } from './results/ResultsStore';
import { ShardRunStore } from './evaluation/ShardRunStore';

/** The plugin's stores, one per aggregate, over one knex client. */
export interface ReadinessStores {
  results: ResultsStore;
  history: HistoryStore;
  shardRuns: ShardRunStore;
  evidence: EvidenceStore;
  ownership: OwnershipStore;
  /** What the evaluator last saw of each entity, to skip unchanged ones. */
  evaluationState: EvaluationStateStore;
  /** Sign-offs and the first production week. */
  goLive: GoLiveStore;
  /** Initiatives (goals, scopes, deadlines). */
  initiatives: InitiativeStore;
  /** Notifications sent, to send each once. */
  notificationLog: NotificationLog;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}

/** The stores over an open knex client (migrations already applied). */
export function storesFor(
  db: Knex,
  scorecards?: ScorecardLookup,
): ReadinessStores {
  const evaluationState = new EvaluationStateStore(db);
  return {
    results: new ResultsStore(db, scorecards),
    history: new HistoryStore(db),
    shardRuns: new ShardRunStore(db),
    evidence: new EvidenceStore(db, evaluationState),
    ownership: new OwnershipStore(db),
    evaluationState,
    goLive: new GoLiveStore(db),
    initiatives: new InitiativeStore(db),
    notificationLog: new NotificationLog(db),
    ping: async () => {
      await db.raw('select 1 as ok');
    },
  };
}

/** Opens the plugin's database, applies migrations unless told not to, and returns the stores. */
export async function createReadinessStores(options: {
  database: DatabaseService;
  skipMigrations?: boolean;
  /** The configured scorecards: stored results leave out their text. */
  scorecards?: ScorecardLookup;
}): Promise<ReadinessStores> {
  const client = await options.database.getClient();
  if (!options.skipMigrations && !options.database.migrations?.skip) {
    await applyDatabaseMigrations(client);
  }
  return storesFor(client, options.scorecards);
}
