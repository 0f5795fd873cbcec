import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef, ResultRow } from '../../api';
import { StatusChip } from '../StatusChip';
import { READINESS_ROLE_RELATIONS } from '@readiness/backstage-plugin-readiness-common';

/** Relation types the catalog module emits, from the owner's side. */
const ROLE_RELATIONS = [
  [READINESS_ROLE_RELATIONS.incident.ownerOf, 'Incident'],
  [READINESS_ROLE_RELATIONS.technical.ownerOf, 'Technical'],
  [READINESS_ROLE_RELATIONS.communication.ownerOf, 'Communication'],
] as const;

/**
 * Card for Group (and User) pages: the entities this group is incident,
 * technical or communication owner of, with their readiness status. Needs
 * the Readiness catalog module, which emits the role relations.
 *
 * @public
 */
export function GroupReadinessCard() {
  const { entity } = useEntity();
  const who = entity.kind.toLowerCase() === 'user' ? 'person' : 'group';
  const api = useApi(readinessApiRef);
  const roles = new Map<string, string[]>();
  for (const [type, label] of ROLE_RELATIONS) {
    for (const r of entity.relations ?? []) {
      if (r.type === type)
        roles.set(r.targetRef, [...(roles.get(r.targetRef) ?? []), label]);
    }
  }
  const refs = [...roles.keys()];
  const { value, loading, error } = useAsync(
    async () =>
      refs.length
        ? (await api.listResults({ entity: refs, limit: 500, sort: 'score' }))
            .items
        : [],
    [api, refs.join(',')],
  );
  // Roles given in the Readiness UI: who named the group, and when.
  const named = useAsync(
    () => api.listNamedRoles(stringifyEntityRef(entity)),
    [api, stringifyEntityRef(entity)],
  );
  const namedNote = (ref: string, label: string) => {
    const n = named.value?.find(
      x => x.entityRef === ref.toLowerCase() && x.role === label.toLowerCase(),
    );
    return n
      ? ` (named by ${n.namedBy.replace(
          /^user:default\//,
          '',
        )} on ${n.namedAt.slice(0, 10)})`
      : '';
  };
  const byRef = new Map<string, ResultRow>();
  for (const r of value ?? [])
    if (!byRef.has(r.entityRef)) byRef.set(r.entityRef, r);

  return (
    <InfoCard
      title={`Readiness of what this ${who} answers for`}
      subheader="Incident, technical and communication roles"
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {!loading && refs.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This {who} holds no incident, technical or communication role yet.
        </Typography>
      )}
      {refs.length > 0 && !loading && (
        <Table size="small" aria-label="Roles and readiness">
          <TableHead>
            <TableRow>
              <TableCell>Entity</TableCell>
              <TableCell>Roles</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Score</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {refs.sort().map(ref => {
              const r = byRef.get(ref.toLowerCase());
              return (
                <TableRow key={ref}>
                  <TableCell>
                    <EntityRefLink entityRef={ref} />
                  </TableCell>
                  <TableCell>
                    {roles
                      .get(ref)!
                      .map(label => `${label}${namedNote(ref, label)}`)
                      .join(', ')}
                  </TableCell>
                  <TableCell>
                    {r ? <StatusChip status={r.status} /> : '–'}
                  </TableCell>
                  <TableCell>{r ? r.score : 'not scored'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
