import {
  InitiativeDetail,
  OwnershipRole,
} from '@readiness/backstage-plugin-readiness-common';
import type { GoLiveService } from '../goLive/GoLiveService';
import { confirmationsDue } from '../ownership/confirmationPeriods';
import type { ReadinessStores } from '../stores';
import type { DigestSources } from './composeDigests';

/** The digest's reads, from the stores and the go-live and initiative services. */
export function createDigestSources(options: {
  stores: ReadinessStores;
  goLive: Pick<GoLiveService, 'standing'>;
  initiatives: () => Promise<InitiativeDetail[]>;
  confirmFor: () => Partial<Record<OwnershipRole, number>>;
  granters: string[];
}): DigestSources {
  const { stores } = options;
  return {
    results: () => stores.results.streamResults({ filter: {} }),
    statusesOn: day => stores.history.statusesOn(day),
    expiring: (from, to) => stores.evidence.listExpiring(from, to),
    confirmationsDue: async until =>
      confirmationsDue(
        await stores.ownership.listConfirmations(),
        options.confirmFor(),
        until,
      ),
    initiatives: options.initiatives,
    goLives: async () => {
      const out = [];
      for (const { entityRef } of await stores.evaluationState.listGoLives()) {
        // One go-live that cannot be read never stops the digest.
        const s = await options.goLive
          .standing(entityRef)
          .catch(() => undefined);
        if (s) out.push({ entityRef, ...s });
      }
      return out;
    },
    pendingExemptions: () => stores.evidence.listPendingExemptions(new Date()),
    granters: options.granters,
  };
}
