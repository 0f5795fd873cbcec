import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type {
  Initiative,
  InitiativeDetail,
} from '@readiness/backstage-plugin-readiness-common';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';
import { InitiativeDetailPanel } from './InitiativeDetailPanel';
import { InitiativeDialog } from './InitiativeDialog';

const STATE_LABELS: Record<Initiative['state'], string> = {
  draft: 'Draft',
  active: 'Active',
  done: 'Done',
  missed: 'Missed',
};

const pct = (i: Initiative) =>
  i.progress.total ? Math.round((100 * i.progress.met) / i.progress.total) : 0;

/**
 * Initiatives on the org page: each with its state, progress and deadline;
 * open one for its burn-up and what is left; New initiative and Edit for
 * those allowed (`readiness.initiative.manage`).
 */
export function InitiativesCard() {
  const api = useApi(readinessApiRef);
  const list = useAsyncRetry(() => api.listInitiatives(), [api]);
  // `?initiative=<id>` (from the inbox) opens that one.
  const [params] = useSearchParams();
  const asked = params.get('initiative') ?? undefined;
  const [openId, setOpenId] = useState<string | undefined>(asked);
  useEffect(() => {
    if (asked) setOpenId(asked);
  }, [asked]);
  const detail = useAsyncRetry(
    async () => (openId ? api.getInitiative(openId) : undefined),
    [api, openId],
  );
  const [editing, setEditing] = useState<InitiativeDetail | 'new'>();
  const items = list.value?.items ?? [];
  return (
    <InfoCard
      className="readiness-card"
      title="Initiatives"
      subheader="Goals with a deadline: every service in scope at a level, or passing chosen checks"
      action={
        list.value?.canManage ? (
          <Button
            color="primary"
            variant="outlined"
            style={{ marginTop: 8 }}
            onClick={() => setEditing('new')}
          >
            New initiative
          </Button>
        ) : undefined
      }
    >
      {list.loading && !list.value && <Progress />}
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.value && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No initiative yet.
          {list.value.canManage
            ? ' Create one to drive teams to a goal by a date.'
            : ''}
        </Typography>
      )}
      {items.map(i => {
        const open = openId === i.id;
        return (
          <Box key={i.id} borderBottom={1} borderColor="divider" py={1}>
            <Box
              display="flex"
              alignItems="center"
              flexWrap="wrap"
              style={{ gap: 8 }}
            >
              <Button
                aria-expanded={open}
                onClick={() => setOpenId(open ? undefined : i.id)}
                style={{ textTransform: 'none', padding: '0 4px' }}
              >
                <Typography variant="subtitle1" component="span">
                  {i.title}
                </Typography>
              </Button>
              <Chip size="small" label={STATE_LABELS[i.state]} />
              <Typography variant="body2" color="textSecondary">
                {i.progress.met} of {i.progress.total} met · due {i.deadline} ·{' '}
                {i.owner.replace(/^[a-z]+:default\//, '')}
              </Typography>
              {list.value?.canManage && open && detail.value && (
                <Button size="small" onClick={() => setEditing(detail.value)}>
                  Edit
                </Button>
              )}
            </Box>
            <LinearProgress
              variant="determinate"
              value={pct(i)}
              aria-label={`${i.title}: ${pct(i)} % met`}
              style={{ marginTop: 4 }}
            />
            {open && (
              <InitiativeDetailPanel
                detail={detail.value}
                loading={detail.loading}
                error={detail.error}
              />
            )}
          </Box>
        );
      })}
      {editing && (
        <InitiativeDialog
          initiative={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={saved => {
            setEditing(undefined);
            setOpenId(saved.id);
            list.retry();
            detail.retry();
          }}
        />
      )}
    </InfoCard>
  );
}
