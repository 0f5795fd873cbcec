import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';

/**
 * A generated organisation and catalog, the same for a given size and seed:
 * 201 groups in three levels, 601 users, 20 domains, 200 systems and
 * `components` components (about half in production). Readiness data is a
 * mix: about a third complete, a third partial, a third broken (owners that
 * do not exist, malformed channels, no annotations at all).
 */
export function generateCatalog(components: number, seed = 7): Entity[] {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const out: Entity[] = [];
  const entity = (
    kind: string,
    name: string,
    spec: JsonObject,
    metadata: Partial<Entity['metadata']> = {},
  ) =>
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, ...metadata },
      spec,
    });

  const groups: string[] = [];
  entity('Group', 'org', { type: 'organization', children: [] });
  for (let d = 0; d < 20; d++) {
    const dept = `dept-${d}`;
    entity('Group', dept, { type: 'department', parent: 'org', children: [] });
    for (let t = 0; t < 9; t++) {
      const team = `team-${d}-${t}`;
      groups.push(team);
      entity(
        'Group',
        team,
        {
          type: 'team',
          parent: dept,
          children: [],
          profile: rand() < 0.9 ? { email: `${team}@example.com` } : {},
        },
        { title: `Team ${d}.${t}` },
      );
    }
  }
  for (let u = 0; u < 601; u++) {
    entity('User', `user-${u}`, {
      profile: { email: `user-${u}@example.com` },
      memberOf: [pick(groups)],
    });
  }
  for (let d = 0; d < 20; d++) {
    entity('Domain', `domain-${d}`, { owner: `dept-${d}` });
  }
  for (let s = 0; s < 200; s++) {
    entity('System', `system-${s}`, {
      owner: pick(groups),
      domain: `domain-${s % 20}`,
    });
  }
  for (let i = 0; i < components; i++) {
    const quality = rand(); // < 0.33 complete, < 0.66 partial, else broken
    let chance = 0.25;
    if (quality < 0.33) chance = 1;
    else if (quality < 0.66) chance = 0.7;
    const has = () => rand() < chance;
    const team = () =>
      quality >= 0.66 && rand() < 0.3
        ? `group:default/gone-${Math.floor(rand() * 50)}` // does not exist
        : `group:default/${pick(groups)}`;
    const annotations: Record<string, string> = {};
    if (has()) annotations['readiness/incident-owner'] = team();
    if (has()) annotations['readiness/technical-owner'] = team();
    if (has()) annotations['readiness/communication-owner'] = team();
    if (has())
      annotations['readiness/communication-channel'] =
        quality >= 0.66 && rand() < 0.3 ? 'the usual place' : `slack:#svc-${i}`;
    if (has())
      annotations[
        'readiness/runbook'
      ] = `https://runbooks.example.com/svc-${i}`;
    if (has()) annotations['pagerduty.com/service-id'] = `P${i}`;
    if (has()) annotations['backstage.io/techdocs-ref'] = 'dir:.';
    if (has()) annotations['github.com/project-slug'] = `example/svc-${i}`;
    const lifecycle =
      rand() < 0.51 ? 'production' : pick(['experimental', 'deprecated']);
    entity(
      'Component',
      `svc-${i}`,
      {
        type: rand() < 0.8 ? 'service' : 'website',
        lifecycle,
        owner: pick(groups),
        system: has() ? `system-${Math.floor(rand() * 200)}` : undefined,
      },
      {
        title: has() ? `Service ${i}` : undefined,
        description: has() ? `Service number ${i}` : undefined,
        tags: has() ? ['java', 'payments'].slice(0, 1 + (i % 2)) : [],
        annotations,
        links: has()
          ? [
              {
                url: `https://grafana.example.com/d/svc-${i}`,
                type: 'dashboard',
              },
            ]
          : [],
      },
    );
  }
  // Undefined fields are not valid in the catalog's JSON.
  return JSON.parse(JSON.stringify(out));
}
