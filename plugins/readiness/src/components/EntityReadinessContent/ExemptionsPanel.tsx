import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ExemptionRecord,
  ExemptionsResponse,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';

const who = (ref?: string) => ref?.replace(/^user:default\//, '') ?? 'someone';

/**
 * Exemption requests waiting for a grant, and exemptions in force: who asked,
 * who granted, until when, with Grant, Withdraw and Revoke where allowed.
 * Nothing is shown when there are none.
 */
export function ExemptionsPanel(props: {
  data?: ExemptionsResponse;
  currentUser?: string;
  checkTitle: (checkId: string) => string;
  onGrant: (id: string) => Promise<unknown>;
  onRevoke: (id: string) => Promise<unknown>;
}) {
  const [error, setError] = useState<string>();
  const items = (props.data?.items ?? []).filter(
    e => e.status === 'requested' || e.status === 'granted',
  );
  if (items.length === 0) return null;
  const act = (fn: () => Promise<unknown>) => async () => {
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const row = (e: ExemptionRecord) => {
    const mine = e.requestedBy === props.currentUser;
    return (
      <div
        key={e.id}
        style={{ marginBottom: 12, overflowWrap: 'anywhere' }}
        data-testid={`exemption-${e.id}`}
      >
        <Typography variant="body1">
          <strong>{props.checkTitle(e.checkId)}</strong>
          {' — '}
          {e.status === 'requested'
            ? `asked by ${who(e.requestedBy)} until ${e.expiresAt?.slice(
                0,
                10,
              )}, waiting for a grant`
            : `exempt until ${e.expiresAt?.slice(0, 10)}, granted by ${who(
                e.approvedBy,
              )}`}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {e.reason}
        </Typography>
        {e.status === 'requested' && props.data?.canGrant && !mine && (
          <Button
            size="small"
            color="primary"
            onClick={act(() => props.onGrant(e.id))}
          >
            Grant
          </Button>
        )}
        {e.status === 'requested' && mine && (
          <Button size="small" onClick={act(() => props.onRevoke(e.id))}>
            Withdraw
          </Button>
        )}
        {e.status === 'granted' && props.data?.canGrant && (
          <Button size="small" onClick={act(() => props.onRevoke(e.id))}>
            Revoke
          </Button>
        )}
      </div>
    );
  };
  return (
    <InfoCard title="Exemptions">
      {items.map(row)}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
    </InfoCard>
  );
}
