import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { NoteField, FormField } from '../FormDialog';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { DAY_MS } from '@readiness/backstage-plugin-readiness-common';

const dateIn = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** The end of the chosen day, as an ISO time the server accepts. */
const endOf = (date: string) => new Date(`${date}T23:59:59.000Z`).toISOString();

/** What the person entered; the caller sends it and throws the server's error. */
export type EvidenceForm =
  | { kind: 'attest'; expiresAt: string; evidenceUrl?: string; note?: string }
  | { kind: 'exempt'; expiresAt: string; reason: string };

/**
 * Attest a check, or ask for (or grant) an exemption from it: a short form
 * with a date limited to what the server allows. A refusal shows the
 * server's message, and what was typed stays.
 */
export function EvidenceDialog(props: {
  kind: 'attest' | 'exempt';
  checkTitle: string;
  /** The latest date allowed, in days from today. */
  maxDays: number;
  /** True when the exemption takes effect at once (the person may grant). */
  grants?: boolean;
  /** What an attestation of this check must carry (the check's `evidence`). */
  evidence?: 'url' | 'note' | 'url-or-note' | 'url-and-note';
  onClose: () => void;
  onSubmit: (form: EvidenceForm) => Promise<void>;
}) {
  const attest = props.kind === 'attest';
  const [until, setUntil] = useState(
    dateIn(attest ? props.maxDays : Math.min(30, props.maxDays)),
  );
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const urlInvalid = url.trim() !== '' && !/^https?:\/\/\S+$/.test(url.trim());
  const latest = dateIn(props.maxDays);
  const dateInvalid = !until || until > latest || until < dateIn(0);
  const missingReason = !attest && text.trim() === '';
  const hasUrl = url.trim() !== '';
  const hasNote = text.trim() !== '';
  const needsUrl =
    attest && (props.evidence === 'url' || props.evidence === 'url-and-note');
  const needsNote =
    attest && (props.evidence === 'note' || props.evidence === 'url-and-note');
  const missingEvidence =
    attest &&
    ((needsUrl && !hasUrl) ||
      (needsNote && !hasNote) ||
      (props.evidence === 'url-or-note' && !hasUrl && !hasNote));
  const evidenceHint = {
    url: 'This check needs an evidence URL.',
    note: 'This check needs a note saying what was checked.',
    'url-or-note': 'This check needs evidence: a URL, a note, or both.',
    'url-and-note': 'This check needs an evidence URL and a note.',
  }[props.evidence ?? 'url'];

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await props.onSubmit(
        attest
          ? {
              kind: 'attest',
              expiresAt: endOf(until),
              evidenceUrl: url.trim() || undefined,
              note: text.trim() || undefined,
            }
          : { kind: 'exempt', expiresAt: endOf(until), reason: text.trim() },
      );
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  let action = 'Ask for exemption';
  if (attest) action = 'Attest';
  else if (props.grants) action = 'Grant exemption';
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {action}: {props.checkTitle}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" paragraph>
          {attest
            ? `You state that this check is met. Your name and the time are recorded; the attestation lapses on the date below.${
                props.evidence ? ` ${evidenceHint}` : ''
              }`
            : `The check will not count until the date below (at most ${
                props.maxDays
              } days). ${
                props.grants
                  ? 'You may grant it, so it takes effect at once.'
                  : 'Someone who may grant exemptions has to approve it.'
              }`}
        </Typography>
        {attest && (
          <FormField
            id="readiness-evidence-url"
            label="Evidence URL"
            placeholder="https://…"
            value={url}
            onChange={setUrl}
            error={urlInvalid}
            required={needsUrl}
            helperText={
              urlInvalid ? 'An http(s) URL' : 'Where someone can see it is met'
            }
            margin="normal"
          />
        )}
        <NoteField
          id="readiness-evidence-text"
          label={attest ? 'Note' : 'Reason'}
          value={text}
          onChange={setText}
          required={!attest || needsNote}
        />
        <FormField
          id="readiness-evidence-until"
          label="Valid until"
          type="date"
          value={until}
          onChange={setUntil}
          inputProps={{ min: dateIn(1), max: latest }}
          InputLabelProps={{ shrink: true }}
          error={dateInvalid}
          helperText={`At the latest ${latest} (${props.maxDays} days)`}
          margin="normal"
          fullWidth={false}
        />
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={
            saving ||
            urlInvalid ||
            missingReason ||
            missingEvidence ||
            dateInvalid
          }
        >
          {saving ? 'Saving…' : action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
