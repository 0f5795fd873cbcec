import { Entity } from '@backstage/catalog-model';
import {
  entityKey,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';

/** Group hierarchy from the catalog: who is whose parent. */
export class OrgTree {
  private readonly parent = new Map<string, string>();
  private readonly children = new Map<string, string[]>();

  constructor(organisation: Entity[]) {
    for (const e of organisation) {
      if (e.kind.toLowerCase() !== 'group') continue;
      const self = entityKey(e);
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
