import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  readinessScorecardPreviewPermission,
  type ScorecardPreview,
  type ScorecardSummary,
} from '@readiness/backstage-plugin-readiness-common';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import { copyText, downloadText } from '../yamlFile';
import { PreviewResult } from './PreviewResult';
import { useYamlCheck } from './useYamlCheck';

/**
 * "Preview a scorecard change" on the org page: the YAML of the page's
 * scorecard to edit (or any scorecard pasted), checked as it is typed, and
 * what it would move, evaluated by the backend on the current catalog and
 * evidence without saving anything. The YAML is copied or downloaded to
 * commit: scorecards stay code.
 */
export function ScorecardPreviewCard(props: { scorecard: ScorecardSummary }) {
  const api = useApi(readinessApiRef);
  const [yaml, setYaml] = useState('');
  const [fileName, setFileName] = useState(`${props.scorecard.name}.yaml`);
  const [loading, setLoading] = useState<'source' | 'preview'>();
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<ScorecardPreview>();
  const [status, setStatus] = useState<string>();
  const check = useYamlCheck(yaml);
  // The same question the backend asks: without it, nothing to offer.
  const permission = usePermission({
    permission: readinessScorecardPreviewPermission,
  });

  const start = async () => {
    setLoading('source');
    setError(undefined);
    try {
      const detail = await api.getScorecard(props.scorecard.name);
      if (!detail.source)
        throw new Error(
          `${props.scorecard.title} was not read from a file: paste a scorecard's YAML instead.`,
        );
      setYaml(detail.source.yaml);
      setFileName(detail.source.file.split('/').pop()!);
      setResult(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(undefined);
    }
  };

  const preview = async () => {
    setLoading('preview');
    setError(undefined);
    setStatus(undefined);
    try {
      setResult(await api.previewScorecard({ yaml }));
    } catch (e) {
      setResult(undefined);
      setError(e as Error);
    } finally {
      setLoading(undefined);
    }
  };

  if (permission.loading || !permission.allowed) return null;

  let helper = 'Paste a scorecard, or start from this one.';
  if (check.state === 'valid')
    helper = `Valid: ${check.names.join(
      ', ',
    )}. Preview evaluates it without saving anything.`;
  if (check.state === 'invalid') helper = check.message;

  return (
    <InfoCard
      className="readiness-card"
      title="Preview a scorecard change"
      subheader="Edit a scorecard's YAML and see what it would move before you commit it. Nothing is saved here."
    >
      <Button
        variant="outlined"
        onClick={start}
        disabled={loading !== undefined}
        style={{ marginBottom: 12 }}
      >
        {loading === 'source'
          ? 'Loading…'
          : `${yaml ? 'Start again from' : 'Edit'} ${props.scorecard.title}`}
      </Button>
      <TextField
        id="scorecard-preview-yaml"
        label="Scorecard YAML"
        value={yaml}
        onChange={e => {
          setYaml(e.target.value);
          setStatus(undefined);
        }}
        multiline
        minRows={yaml ? 12 : 4}
        maxRows={28}
        fullWidth
        variant="outlined"
        error={check.state === 'invalid'}
        helperText={helper}
        FormHelperTextProps={{
          style: { whiteSpace: 'pre-wrap' },
          role: check.state === 'invalid' ? 'alert' : undefined,
        }}
        InputProps={{ style: { fontFamily: 'monospace', fontSize: 12 } }}
        inputProps={{ spellCheck: false }}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
        <Button
          variant="contained"
          color="primary"
          onClick={preview}
          disabled={check.state !== 'valid' || loading !== undefined}
        >
          {loading === 'preview' ? 'Evaluating…' : 'Preview'}
        </Button>
        <Button
          onClick={async () => setStatus(await copyText(yaml))}
          disabled={!yaml}
        >
          Copy YAML
        </Button>
        <Button onClick={() => downloadText(yaml, fileName)} disabled={!yaml}>
          Download {fileName}
        </Button>
      </div>
      {status && (
        <Typography variant="caption" role="status">
          {status}
        </Typography>
      )}
      {error && <ResponseErrorPanel error={error} />}
      {result && (
        <PreviewResult
          preview={result}
          checkTitle={id =>
            props.scorecard.checks.find(c => c.id === id)?.title
          }
        />
      )}
    </InfoCard>
  );
}
