import { Entity } from '@backstage/catalog-model';
import type { CompiledScorecard } from '@readiness/backstage-plugin-readiness-common';
import { OrgTree } from '../platform/orgTree';

/**
 * The sign-off roles of each scorecard whose `group` the catalog does not
 * have: nobody could sign them, so no service of that scorecard could launch.
 * An empty catalog (still loading) names nothing.
 */
export function missingSignoffGroups(
  cards: ReadonlyArray<CompiledScorecard>,
  organisation: Entity[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const tree = new OrgTree(organisation);
  if (!organisation.some(e => e.kind.toLowerCase() === 'group')) return out;
  for (const card of cards) {
    const problems = card.signoffRoles
      .filter(r => r.group && !tree.hasGroup(r.group))
      .map(
        r =>
          `sign-off role ${r.title} names ${r.group}, which the catalog does not have: nobody can sign it`,
      );
    if (problems.length) out.set(card.name, problems);
  }
  return out;
}
