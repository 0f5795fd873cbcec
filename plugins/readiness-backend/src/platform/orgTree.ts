import { Entity } from '@backstage/catalog-model';
import {
  entityKey,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';

/** Group hierarchy from the catalog: who is whose parent. */
export class OrgTree {
  private readonly parent = new Map<string, string>();
  private readonly children = new Map<string, string[]>();
  private readonly members = new Map<string, string[]>();
  private readonly groups = new Set<string>();
  private readonly memberships = new Map<string, string[]>();

  constructor(organisation: Entity[]) {
    for (const e of organisation) {
      if (e.kind.toLowerCase() === 'user') this.addMember(e);
      if (e.kind.toLowerCase() !== 'group') continue;
      const self = entityKey(e);
      this.groups.add(self);
      const p = tryEntityKey(
        (e.spec as { parent?: unknown } | undefined)?.parent,
        { defaultKind: 'group', defaultNamespace: e.metadata.namespace },
      );
      if (p) {
        this.parent.set(self, p);
        this.children.set(p, [...(this.children.get(p) ?? []), self]);
      }
    }
  }

  private addMember(user: Entity) {
    const self = entityKey(user);
    const groups = new Set<string>();
    const memberOf = (user.spec as { memberOf?: unknown } | undefined)
      ?.memberOf;
    for (const g of Array.isArray(memberOf) ? memberOf : []) {
      const key = tryEntityKey(g, {
        defaultKind: 'group',
        defaultNamespace: user.metadata.namespace,
      });
      if (key) groups.add(key);
    }
    for (const r of user.relations ?? []) {
      if (r.type === 'memberOf') groups.add(r.targetRef.toLowerCase());
    }
    for (const g of groups)
      this.members.set(g, [...(this.members.get(g) ?? []), self]);
    this.memberships.set(self, [...groups]);
  }

  /** The users who are members of the group itself (not of its sub-groups). */
  directMembers(group: string): string[] {
    return this.members.get(group.toLowerCase()) ?? [];
  }

  /** The groups a user is a direct member of. */
  groupsOf(user: string): string[] {
    return this.memberships.get(user.toLowerCase()) ?? [];
  }

  /** Whether the catalog has this group. */
  hasGroup(group: string): boolean {
    return this.groups.has(group.toLowerCase());
  }

  /** The group and every group above it, nearest first. */
  ancestorsAndSelf(group: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (
      let g: string | undefined = group.toLowerCase();
      g && !seen.has(g);
      g = this.parent.get(g)
    ) {
      seen.add(g);
      out.push(g);
    }
    return out;
  }

  /** The group and every group below it. */
  descendantsAndSelf(group: string): string[] {
    const out: string[] = [];
    const visit = (g: string) => {
      if (out.includes(g)) return;
      out.push(g);
      for (const c of this.children.get(g) ?? []) visit(c);
    };
    visit(group.toLowerCase());
    return out;
  }
}
