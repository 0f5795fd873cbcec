import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { GoLiveResponse } from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import { FormDialog, NoteField } from '../FormDialog';

const day = (iso: string) => iso.slice(0, 10);
const who = (ref: string) => ref.replace(/^(user|group):default\//, '');

/** Each sign-off role: who signed and when, or a Sign button; void sign-offs below. */
export function SignoffSection(props: {
  entityRef: string;
  data: GoLiveResponse;
  onChanged: (next: GoLiveResponse) => void;
}) {
  const { entityRef, data } = props;
  const api = useApi(readinessApiRef);
  const [role, setRole] = useState<{ id: string; title: string }>();
  const [note, setNote] = useState('');
  const [signing, sign] = useAsyncFn(async () => {
    const next = await api.signOff(entityRef, {
      role: role!.id,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    props.onChanged(next);
    setRole(undefined);
    setNote('');
  }, [api, entityRef, role, note]);
  const [request, requestSignoff] = useAsyncFn(
    () => api.requestSignoff(entityRef),
    [api, entityRef],
  );
  const { signoff } = data;
  const signed = signoff.roles.filter(r => r.signoff).length;
  const ready = data.status === 'ready';
  const dated = Boolean(data.goLiveDate);

  const beforeLaunch = (data.phase.day ?? -1) <= 0;
  // Group membership is said by "Members of …" already: "(not you)" is enough.
  const notMember = (r: { signoff?: unknown; whyNot?: string }) =>
    !r.signoff && beforeLaunch && !!r.whyNot?.startsWith('Only members of');

  return (
    <section aria-label="Sign-off">
      <Typography variant="subtitle2">
        Sign-off: {signed} of {signoff.roles.length}
        {signoff.complete ? ' (complete)' : ''}
      </Typography>
      {!data.canSign && (
        <Typography variant="body2" color="textSecondary">
          You may not sign off this service (readiness.signoff.create).
        </Typography>
      )}
      {!dated && (
        <Typography variant="body2" color="textSecondary">
          A sign-off is for a go-live: set the go-live date first.
        </Typography>
      )}
      {!ready && (
        <Typography variant="body2" color="textSecondary">
          Sign-off opens when the status is Ready
          {data.status ? ` (now ${data.status})` : ''}; a sign-off is void if
          the status drops afterwards.
        </Typography>
      )}
      <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 12px' }}>
        {signoff.roles.map(r => (
          <li
            key={r.id}
            data-testid={`signoff-${r.id}`}
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'center',
              gap: 8,
              minHeight: 32,
            }}
          >
            <div>
              <Typography variant="body2">{r.title}</Typography>
              {(r.group || r.independent) && (
                <Typography variant="caption" color="textSecondary">
                  {r.group ? `Members of ${who(r.group)}` : 'Anyone allowed'}
                  {r.independent ? ', not the service’s owners' : ''}
                  {notMember(r) ? ' (not you)' : ''}
                </Typography>
              )}
              {r.whyNot && !notMember(r) && beforeLaunch && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                  data-testid={`why-not-${r.id}`}
                >
                  Not you: {r.whyNot}
                </Typography>
              )}
            </div>
            {r.signoff ? (
              <Typography variant="body2" title={r.signoff.note}>
                ✓ {who(r.signoff.signedBy)}, {day(r.signoff.signedAt)}
              </Typography>
            ) : (
              data.canSign &&
              r.canSign !== false &&
              beforeLaunch && (
                <Button
                  size="small"
                  color="primary"
                  disabled={!ready || !dated}
                  onClick={() => setRole(r)}
                  aria-label={`Sign off as ${r.title}`}
                >
                  Sign
                </Button>
              )
            )}
          </li>
        ))}
      </ul>
      {ready &&
        dated &&
        data.canRecord &&
        !signoff.complete &&
        (data.phase.day ?? -1) <= 0 && (
          <div style={{ marginBottom: 8 }}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => requestSignoff()}
              disabled={request.loading}
            >
              Request sign-off
            </Button>
            {request.value && (
              <Typography variant="caption" color="textSecondary" role="status">
                {' '}
                {request.value.asked === 0 && !request.value.nobody.length
                  ? 'Every open role was asked today already.'
                  : `Asked ${request.value.asked} role${
                      request.value.asked === 1 ? '' : 's'
                    } by notification.`}
                {request.value.nobody.length > 0 &&
                  ` Nobody could be asked for ${request.value.nobody
                    .map(
                      id => signoff.roles.find(r => r.id === id)?.title ?? id,
                    )
                    .join(', ')}: its group has no one else to ask.`}
              </Typography>
            )}
            {request.error && (
              <Alert severity="error" style={{ marginTop: 4 }}>
                {request.error.message}
              </Alert>
            )}
          </div>
        )}
      {signoff.voided.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          Void:{' '}
          {signoff.voided
            .map(v => `${v.role} by ${who(v.signedBy)} (${v.voidReason})`)
            .join('; ')}
        </Typography>
      )}
      {role && (
        <FormDialog
          title={`Sign off as ${role.title}`}
          onClose={() => setRole(undefined)}
          onSubmit={() => sign()}
          submitLabel="Sign off"
          busyLabel="Signing…"
          busy={signing.loading}
          error={signing.error}
        >
          <Typography variant="body2" gutterBottom>
            You confirm, for your role, that this service may go live as it is
            now. Your name and the time are recorded; the sign-off is void if
            the status drops below Ready.
          </Typography>
          <NoteField
            id="signoff-note"
            label="Note (optional)"
            value={note}
            onChange={setNote}
          />
        </FormDialog>
      )}
    </section>
  );
}
