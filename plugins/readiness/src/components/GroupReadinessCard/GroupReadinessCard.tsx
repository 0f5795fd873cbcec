import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef, ResultRow } from '../../api';
import { ReadinessTabLink } from '../ReadinessTabLink';
import { StatusChip } from '../StatusChip';
import {
  READINESS_ROLE_RELATIONS,
  READINESS_STATUSES,
} from '@readiness/backstage-plugin-readiness-common';
import { GroupScore } from './GroupScore';
import { BulkOwnershipDialog } from '../BulkOwnership';
import { GroupInitiatives } from '../Initiatives';
import { ConfirmOwnersDialog } from '../OwnershipPanel/ConfirmOwnersDialog';

/** Relation types the catalog module emits, from the owner's side. */
const ROLE_RELATIONS = [
  [READINESS_ROLE_RELATIONS.incident.ownerOf, 'Incident'],
  [READINESS_ROLE_RELATIONS.technical.ownerOf, 'Technical'],
  [READINESS_ROLE_RELATIONS.communication.ownerOf, 'Communication'],
] as const;

/** At most this many owned entities per scorecard (the org page lists all). */
const LIMIT = 200;

/**
 * Card for Group (and User) pages: the group's own readiness score (from a
 * scorecard that applies to groups, such as the example Team readiness), and
 * every entity it answers for, with status: what it owns (`spec.owner`, its
 * sub-groups' included) and what it is incident, technical or communication
 * owner of (the role relations need the Readiness catalog module).
 *
 * @public
 */
export function GroupReadinessCard() {
  const { entity } = useEntity();
  const who = entity.kind.toLowerCase() === 'user' ? 'person' : 'group';
  const self = stringifyEntityRef(entity).toLowerCase();
  const api = useApi(readinessApiRef);
  const roles = new Map<string, string[]>();
  for (const [type, label] of ROLE_RELATIONS) {
    for (const r of entity.relations ?? []) {
      if (r.type === type) {
        const ref = r.targetRef.toLowerCase();
        roles.set(ref, [...(roles.get(ref) ?? []), label]);
      }
    }
  }
  const roleRefs = [...roles.keys()].sort();
  const [bulk, setBulk] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Bumped after a bulk edit: the list is read again.
  const [saved, setSaved] = useState(0);
  const { value, loading, error } = useAsync(async () => {
    const scorecards = await api.getScorecards();
    const pages = await Promise.all(
      scorecards.flatMap(s => [
        api.listResults({
          scorecard: s.name,
          owner: [self],
          limit: LIMIT,
          sort: 'score',
        }),
        roleRefs.length
          ? api.listResults({
              scorecard: s.name,
              entity: roleRefs,
              limit: LIMIT,
            })
          : Promise.resolve({ items: [], totalItems: 0 }),
      ]),
    );
    const owned = pages.filter((_, i) => i % 2 === 0);
    return {
      rows: pages.flatMap(p => p.items),
      owned: new Set(owned.flatMap(p => p.items.map(r => r.entityRef))),
      truncated: owned.some(p => p.totalItems > p.items.length),
    };
  }, [api, self, roleRefs.join(','), saved]);
  // Roles given in the Readiness UI: who named the group, and when.
  const named = useAsync(() => api.listNamedRoles(self), [api, self]);
  const namedNote = (ref: string, label: string) => {
    const n = named.value?.find(
      x => x.entityRef === ref && x.role === label.toLowerCase(),
    );
    return n
      ? ` (named by ${n.namedBy.replace(
          /^user:default\//,
          '',
        )} on ${n.namedAt.slice(0, 10)})`
      : '';
  };
  // One row per entity: the worst of its scorecards' results.
  const byRef = new Map<string, ResultRow>();
  // READINESS_STATUSES runs from best to worst; blocked sorts first.
  const rank = (x: ResultRow['status']) => -READINESS_STATUSES.indexOf(x);
  for (const r of value?.rows ?? []) {
    const had = byRef.get(r.entityRef);
    if (!had || rank(r.status) < rank(had.status)) byRef.set(r.entityRef, r);
  }
  const refs = [...new Set([...byRef.keys(), ...roleRefs])].sort((a, b) => {
    const ra = byRef.get(a);
    const rb = byRef.get(b);
    return (
      (ra ? rank(ra.status) : 1) - (rb ? rank(rb.status) : 1) ||
      a.localeCompare(b)
    );
  });
  const why = (ref: string) => {
    const reasons: string[] = [];
    const owner = byRef.get(ref)?.owner;
    // Owned here, or by a sub-group; a role alone says only the role.
    if (owner && value?.owned.has(ref))
      reasons.push(owner === self ? 'Owner' : `Owner via ${owner}`);
    for (const label of roles.get(ref) ?? [])
      reasons.push(`${label}${namedNote(ref, label)}`);
    return reasons;
  };

  return (
    <InfoCard
      // Marks Readiness's own DOM for the accessibility tests (e2e-tests/a11y).
      className="readiness-card"
      title={`Readiness of what this ${who} answers for`}
      subheader={`What it owns${
        who === 'group' ? ' (sub-groups included)' : ''
      }, and where it is incident, technical or communication owner`}
    >
      {/* In the body, not the header: on a phone they would crowd the title. */}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8, marginBottom: 8 }}>
        {roleRefs.length > 0 && (
          <Button
            variant="outlined"
            size="small"
            onClick={() => setConfirming(true)}
          >
            Confirm roles
          </Button>
        )}
        <Button variant="outlined" size="small" onClick={() => setBulk(true)}>
          Set owners in bulk
        </Button>
      </Box>
      {confirming && (
        <ConfirmOwnersDialog
          title={`Confirm the roles of ${
            entity.metadata.title ?? entity.metadata.name
          }`}
          intro={`This ${who} is incident, technical or communication owner of ${
            roleRefs.length
          } ${
            roleRefs.length === 1 ? 'entity' : 'entities'
          }. Confirm that each role is still right, with one reason; each is recorded in that entity's history.`}
          submitLabel={`Confirm ${roleRefs.length === 1 ? 'it' : 'all'}`}
          onClose={() => setConfirming(false)}
          onConfirm={async reason => {
            const r = await api.confirmRolesOf(self, reason);
            setSaved(n => n + 1);
            const failed = r.items.flatMap(i =>
              i.ok
                ? []
                : [
                    `${i.entityRef.replace(/^[a-z]+:default\//, '')}: ${
                      i.error.message
                    }`,
                  ],
            );
            return {
              severity: failed.length ? 'warning' : 'success',
              text: `Confirmed the roles on ${r.confirmed} ${
                r.confirmed === 1 ? 'entity' : 'entities'
              }${
                failed.length ? `; not confirmed: ${failed.join('; ')}` : '.'
              }`,
            };
          }}
        />
      )}
      {bulk && (
        <BulkOwnershipDialog
          owner={self}
          onClose={() => setBulk(false)}
          onSaved={() => setSaved(n => n + 1)}
        />
      )}
      <GroupScore entityRef={self} />
      <GroupInitiatives ownerRef={self} reload={saved} />
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {!loading && !error && refs.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This {who} owns nothing that is scored and holds no incident,
          technical or communication role yet.
        </Typography>
      )}
      {refs.length > 0 && !loading && (
        <Box style={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Roles and readiness">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Score</TableCell>
                <TableCell>Why listed</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {refs.map(ref => {
                const r = byRef.get(ref);
                return (
                  <TableRow key={ref}>
                    <TableCell style={{ minWidth: 140 }}>
                      {r ? (
                        <ReadinessTabLink entityRef={ref}>
                          {r.title ?? r.name}
                        </ReadinessTabLink>
                      ) : (
                        <EntityRefLink entityRef={ref} />
                      )}
                    </TableCell>

                    <TableCell style={{ whiteSpace: 'nowrap' }}>
                      {r ? <StatusChip status={r.status} /> : '–'}
                    </TableCell>
                    <TableCell style={{ whiteSpace: 'nowrap' }}>
                      {r ? r.score : 'not scored'}
                    </TableCell>
                    <TableCell style={{ minWidth: 150 }}>
                      {why(ref).map((w, i) => (
                        <span key={w}>
                          {i > 0 && ', '}
                          {w.startsWith('Owner via ') ? (
                            <>
                              Owner via{' '}
                              <EntityRefLink
                                entityRef={w.slice('Owner via '.length)}
                                defaultKind="group"
                              />
                            </>
                          ) : (
                            w
                          )}
                        </span>
                      ))}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {value?.truncated && (
            <Typography variant="caption" color="textSecondary">
              The first {LIMIT} owned entities per scorecard; the Readiness page
              lists all (filter by this owner).
            </Typography>
          )}
        </Box>
      )}
    </InfoCard>
  );
}
