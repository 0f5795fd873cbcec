import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { copyText, downloadText } from '../yamlFile';

/**
 * "Make it standing": the scorecard file with the initiative's checks
 * enforced from a day, to copy or download and commit (scorecards are code:
 * nothing is changed here). Lists what changes and what counts already.
 */
export function StandingDialog(props: {
  initiativeId: string;
  title: string;
  onClose: () => void;
}) {
  const api = useApi(readinessApiRef);
  const standing = useAsync(
    () => api.getInitiativeStanding(props.initiativeId),
    [api, props.initiativeId],
  );
  const [copied, setCopied] = useState<string>();
  const s = standing.value;
  const enforced = s?.checks.filter(c => c.change === 'enforce') ?? [];
  const fileName = s ? s.file.split('/').pop()! : 'scorecard.yaml';

  const copy = async () => setCopied(await copyText(s!.yaml));
  const download = () => downloadText(s!.yaml, fileName);

  return (
    <Dialog
      open
      onClose={props.onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="standing-title"
    >
      <DialogTitle id="standing-title">
        Make it standing: {props.title}
      </DialogTitle>
      <DialogContent>
        {standing.loading && <Progress />}
        {standing.error && <ResponseErrorPanel error={standing.error} />}
        {s && (
          <>
            <Typography variant="body2" paragraph>
              {enforced.length
                ? `From ${s.enforceFrom}, ${
                    enforced.length === 1
                      ? 'this check counts'
                      : 'these checks count'
                  } in the ${
                    s.scorecard
                  } scorecard for every entity it applies to. Commit the change to ${
                    s.file
                  }; the backend reads it within a minute of the deployment.`
                : `Every check of the goal counts in the ${s.scorecard} scorecard already: nothing to commit.`}
            </Typography>
            <ul style={{ margin: '0 0 8px', paddingLeft: 20 }}>
              {s.checks.map(c => (
                <li key={c.id}>
                  <Typography variant="body2">
                    {c.title} ({c.id}):{' '}
                    {c.change === 'enforce'
                      ? `enforceFrom ${c.enforceFrom} → ${s.enforceFrom}`
                      : 'counts already'}
                  </Typography>
                </li>
              ))}
            </ul>
            {enforced.length > 0 && (
              <TextField
                id="standing-yaml"
                label={`${s.file} with the change`}
                value={s.yaml}
                multiline
                minRows={6}
                maxRows={16}
                fullWidth
                variant="outlined"
                InputProps={{
                  readOnly: true,
                  style: { fontFamily: 'monospace', fontSize: 12 },
                }}
              />
            )}
            {copied && (
              <Typography variant="caption" role="status">
                {copied}
              </Typography>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {s && enforced.length > 0 && (
          <>
            <Button onClick={copy}>Copy YAML</Button>
            <Button onClick={download}>Download {fileName}</Button>
          </>
        )}
        <Button color="primary" onClick={props.onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
