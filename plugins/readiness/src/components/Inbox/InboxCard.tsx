import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  InboxItem,
  InboxItemKind,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api';
import { ReadinessTabLink } from '../ReadinessTabLink';

const KIND_LABELS: Record<InboxItemKind, string> = {
  'exemption-request': 'Exemption request',
  signoff: 'Sign-off',
  'attestation-expiring': 'Attestation running out',
  'confirmation-due': 'Owner confirmation due',
  'initiative-behind': 'Initiative behind',
};

/** Long refs wrap on a phone; a list item would clip them otherwise. */
const WRAP = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/** When it is due, or how long it has waited. */
function when(item: InboxItem) {
  if (item.due) return `due ${item.due.slice(0, 10)}`;
  if (item.since) return `waiting since ${item.since.slice(0, 10)}`;
  return '';
}

/**
 * "Waiting for you": exemption requests the signed-in person may grant
 * (Grant right here), go-live roles they may sign, their attestations
 * running out, their groups' owner confirmations due and the initiatives
 * they own that are behind, soonest first; each links to the entity's
 * Readiness tab (an initiative opens on the org page).
 */
export function InboxCard() {
  const api = useApi(readinessApiRef);
  const inbox = useAsyncRetry(() => api.getInbox(), [api]);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<Error>();
  const [granted, setGranted] = useState<string>();

  const grant = async (item: InboxItem) => {
    setBusy(item.exemptionId);
    setError(undefined);
    try {
      await api.grantExemption(item.entityRef, item.exemptionId!);
      setGranted(
        `Granted the exemption from ${
          item.checkId
        } for ${item.entityRef.replace(/^[a-z]+:default\//, '')}.`,
      );
      inbox.retry();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const items = inbox.value?.items ?? [];
  return (
    <InfoCard
      className="readiness-card"
      title={`Waiting for you${items.length ? ` (${items.length})` : ''}`}
      subheader="What you can act on: requests to grant, roles to sign, evidence and owners to confirm, initiatives behind"
    >
      {inbox.loading && !inbox.value && <Progress />}
      {inbox.error && <ResponseErrorPanel error={inbox.error} />}
      {error && (
        <Alert severity="error" role="alert">
          {error.message}
        </Alert>
      )}
      {granted && (
        <Alert severity="success" role="status">
          {granted}
        </Alert>
      )}
      {inbox.value && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing waits for you.
        </Typography>
      )}
      {items.length > 0 && (
        <List dense aria-label="Waiting for you">
          {items.map(item => (
            <ListItem
              key={`${item.kind}:${item.entityRef}:${
                item.exemptionId ??
                item.initiativeId ??
                item.role ??
                item.checkId
              }`}
              divider
              data-kind={item.kind}
              style={{ flexWrap: 'wrap' }}
            >
              <ListItemText
                style={WRAP}
                primaryTypographyProps={{ style: WRAP }}
                secondaryTypographyProps={{ style: WRAP }}
                primary={
                  <>
                    <Typography variant="caption" component="span">
                      {KIND_LABELS[item.kind]} · {when(item)} ·{' '}
                    </Typography>
                    {item.initiativeId ? (
                      // Opens the initiative on the org page, where this card is.
                      <Link
                        to={`?initiative=${encodeURIComponent(
                          item.initiativeId,
                        )}#initiatives`}
                        underline="always"
                      >
                        {item.title}
                      </Link>
                    ) : (
                      <ReadinessTabLink entityRef={item.entityRef}>
                        {item.title}
                      </ReadinessTabLink>
                    )}
                  </>
                }
                secondary={item.detail}
              />
              {item.kind === 'exemption-request' && item.exemptionId && (
                <Button
                  variant="outlined"
                  color="primary"
                  size="small"
                  disabled={busy === item.exemptionId}
                  aria-label={`Grant: ${item.title}`}
                  onClick={() => grant(item)}
                  style={{ marginLeft: 8, whiteSpace: 'nowrap' }}
                >
                  {busy === item.exemptionId ? 'Granting…' : 'Grant'}
                </Button>
              )}
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
