import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  EntityFactsInput,
  FactsPushResponse,
  readinessFactsWritePermission,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import { EvidenceStore } from '../EvidenceStore';
import { CatalogReader } from '../../evaluation/CatalogReader';
import { refOf } from '../../evaluation/entityFields';
import { Evaluator } from '../../evaluation/Evaluator';
import { Access } from '../../platform/access';
import { validateFact } from './validateFact';

/** Entities per push, and facts per entity. */
export const MAX_PUSH_ENTITIES = 100;
export const MAX_FACTS_PER_ENTITY = 50;

/**
 * `POST /facts`: facts pushed by CI (an external access token) or people a
 * policy allows, per entity. All or nothing: one bad fact rejects the push
 * with the field named, so a pipeline's retry is always safe.
 */
export class FactsService {
  constructor(
    private readonly options: {
      evidence: EvidenceStore;
      reader: CatalogReader;
      evaluator: Evaluator;
      permissions: PermissionsService;
    },
  ) {}

  async push(
    credentials: BackstageCredentials,
    body: Partial<EntityFactsInput> & { items?: EntityFactsInput[] },
    source: string,
  ): Promise<FactsPushResponse> {
    const batch = body.items !== undefined;
    if (batch && (body.entityRef !== undefined || body.facts !== undefined))
      throw new InputError(
        'items: send either entityRef and facts, or items, not both',
      );
    const items = batch
      ? body.items!
      : [{ entityRef: body.entityRef!, facts: body.facts! }];
    if (!Array.isArray(items) || items.length === 0)
      throw new InputError('items: send at least one entity with facts');
    if (items.length > MAX_PUSH_ENTITIES)
      throw new InputError(
        `items: ${items.length} entities; at most ${MAX_PUSH_ENTITIES} per request`,
      );
    const now = new Date();
    const facts = items.flatMap((item, i) => {
      const at = batch ? `items[${i}]` : '';
      const field = (f: string) => (at ? `${at}.${f}` : f);
      if (!Array.isArray(item?.facts) || item.facts.length === 0)
        throw new InputError(`${field('facts')}: send at least one fact`);
      if (item.facts.length > MAX_FACTS_PER_ENTITY)
        throw new InputError(
          `${field('facts')}: ${
            item.facts.length
          } facts; at most ${MAX_FACTS_PER_ENTITY} per entity`,
        );
      return item.facts.map((fact, j) =>
        validateFact(
          { entityRef: item.entityRef, fact: fact as any },
          {
            at: field(`facts[${j}]`),
            entityAt: field('entityRef'),
            source,
            now,
          },
        ),
      );
    });

    const refs = [...new Set(facts.map(f => f.entityRef))];
    const entities = await this.options.reader.readMany(refs);
    const known = new Set(entities.map(refOf));
    const unknown = refs.find(r => !known.has(r));
    if (unknown) {
      const i = items.findIndex(
        it =>
          tryEntityKey(it.entityRef, { defaultKind: 'component' }) === unknown,
      );
      throw new InputError(
        `${
          batch ? `items[${Math.max(i, 0)}].` : ''
        }entityRef: ${unknown} is not in the catalog`,
      );
    }
    const allowed = await new Access(this.options).decide(
      credentials,
      refs.map(resourceRef => ({
        permission: readinessFactsWritePermission,
        resourceRef,
      })),
    );
    const denied = refs.filter((_, i) => !allowed[i]);
    if (denied.length > 0)
      throw new NotAllowedError(
        `You may not push facts for ${denied.join(
          ', ',
        )} (readiness.facts.write)`,
      );

    const stored = await this.options.evidence.upsertFacts(facts);
    if (stored > 0) await this.options.evaluator.evaluateEntities(entities);
    return { stored, unchanged: facts.length - stored, entityRefs: refs };
  }
}
