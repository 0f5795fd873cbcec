import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COMMUNICATION_CHANNEL,
  entityKey,
  OnboardingField,
  OnboardingSuggestion,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';

/** What suggestions read of a group. */
interface GroupFacts {
  ref: string;
  parent?: string;
  children: string[];
  /** Name, title, display name and `spec.type`, lower case, for matching. */
  words: string;
  channel?: string;
}

const ON_CALL = /on-?call|pager|incident|sre\b/;
const CUSTOMER_FACING = /support|customer|communicat|comms|status/;
const RUNBOOK = /runbook|playbook/i;

/**
 * The organisation's groups, indexed for suggestions: who is whose parent,
 * what each is called, and the channel it publishes.
 */
export class OnboardingOrg {
  private readonly groups = new Map<string, GroupFacts>();

  constructor(groupEntities: Entity[]) {
    for (const g of groupEntities) {
      if (g.kind.toLowerCase() !== 'group') continue;
      const spec = (g.spec ?? {}) as {
        parent?: unknown;
        type?: unknown;
        profile?: { displayName?: unknown };
      };
      const ref = entityKey(g);
      this.groups.set(ref, {
        ref,
        parent: tryEntityKey(spec.parent, {
          defaultKind: 'group',
          defaultNamespace: g.metadata.namespace,
        }),
        children: [],
        words: [
          g.metadata.name,
          g.metadata.title,
          spec.profile?.displayName,
          spec.type,
        ]
          .filter(w => typeof w === 'string')
          .join(' ')
          .toLowerCase(),
        channel: g.metadata.annotations?.[ANNOTATION_COMMUNICATION_CHANNEL],
      });
    }
    for (const g of this.groups.values()) {
      if (g.parent) this.groups.get(g.parent)?.children.push(g.ref);
    }
  }

  /** The group and every group below it (a user: just the user). */
  descendantsAndSelf(ref: string): string[] {
    const out: string[] = [];
    const visit = (r: string) => {
      if (out.includes(r)) return;
      out.push(r);
      for (const c of this.groups.get(r)?.children ?? []) visit(c);
    };
    visit(ref);
    return out;
  }

  /**
   * The nearest group matching `pattern`: in the team's subtree, else in
   * the subtree of the group above it, and so on up the tree, the shallowest
   * first (the team and the groups above it are never proposed). Returns it
   * with the group whose subtree held it.
   */
  nearest(team: string, pattern: RegExp) {
    const path: string[] = [];
    for (
      let g = this.groups.get(team);
      g && !path.includes(g.ref);
      g = g.parent ? this.groups.get(g.parent) : undefined
    )
      path.push(g.ref);
    for (const under of path) {
      // Breadth first, so a closer group wins; the path itself is skipped.
      let level = [under];
      const seen = new Set(level);
      while (level.length) {
        const next = level
          .flatMap(r => this.groups.get(r)?.children ?? [])
          .filter(c => !seen.has(c) && !path.includes(c))
          .sort();
        next.forEach(c => seen.add(c));
        const found = next.find(c => pattern.test(this.groups.get(c)!.words));
        if (found) return { group: found, under };
        level = next;
      }
    }
    return undefined;
  }

  channelOf(ref: string) {
    return this.groups.get(ref)?.channel;
  }
}

/** `spec.owner` as a full ref (a bare name is a group). */
export function ownerOf(entity: Entity): string | undefined {
  return tryEntityKey((entity.spec as { owner?: unknown } | undefined)?.owner, {
    defaultKind: 'group',
    defaultNamespace: entity.metadata.namespace,
  });
}

/**
 * A value for `field` of `entity`, from what the catalog already says, for
 * a person to accept or edit in bulk onboarding:
 * - technical owner: `spec.owner`;
 * - incident owner: the nearest on-call group (by name, title or type) under
 *   the owning team or a group above it;
 * - communication owner: the nearest customer-facing group (support,
 *   communications, status) found the same way;
 * - channel: the owning group's `readiness/communication-channel`;
 * - runbook: a link in `metadata.links` called runbook or playbook.
 */
export function suggest(
  field: OnboardingField,
  entity: Entity,
  org: OnboardingOrg,
): OnboardingSuggestion | undefined {
  const owner = ownerOf(entity);
  switch (field) {
    case 'technical':
      return owner ? { value: owner, source: 'spec.owner' } : undefined;
    case 'incident':
    case 'communication': {
      if (!owner?.startsWith('group:')) return undefined;
      const found = org.nearest(
        owner,
        field === 'incident' ? ON_CALL : CUSTOMER_FACING,
      );
      if (!found) return undefined;
      const what = field === 'incident' ? 'on-call' : 'customer-facing';
      return {
        value: found.group,
        source: `${what} group under ${found.under}`,
      };
    }
    case 'channel': {
      const channel = owner ? org.channelOf(owner) : undefined;
      return channel
        ? { value: channel, source: `channel of ${owner}` }
        : undefined;
    }
    case 'runbook': {
      const link = (entity.metadata.links ?? []).find(
        l => RUNBOOK.test(l.title ?? '') || RUNBOOK.test(l.type ?? ''),
      );
      return link ? { value: link.url, source: 'metadata.links' } : undefined;
    }
    default:
      return undefined;
  }
}
