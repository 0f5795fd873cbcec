import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { entityTitle, searchTerm, useEntitySearch } from '../EntitySearch';

const OWNER_KINDS = ['Group', 'User'];

/** A group or user people can pick as an owner. */
export interface OwnerOption {
  ref: string;
  label: string;
}

/** "Payments team (group:payments)": the name people know, and the ref. */
export function ownerOption(e: Entity): OwnerOption {
  const ref = stringifyEntityRef(e).toLowerCase();
  return { ref, label: `${entityTitle(e)} (${ref.replace(':default/', ':')})` };
}

export { searchTerm };

/**
 * Picks a group or user, searching the catalog as the person types (name,
 * title or display name; 20 at a time), so it stays fast with thousands of
 * users. The current value is shown by its name even when it is not among
 * the results.
 */
export function OwnerPicker(props: {
  id: string;
  label: string;
  help: string;
  value?: string;
  /** Blocks saving: shown in red under the field. */
  error?: string;
  /** Does not block saving (an untouched value from catalog-info.yaml). */
  warning?: string;
  onChange: (ref?: string) => void;
  /** Text typed but not picked from the list ('' when none), so a save can refuse it. */
  onPendingText?: (text: string) => void;
}) {
  const catalogApi = useApi(catalogApiRef);
  const [input, setInput] = useState('');
  // What the person is typing, or null to show the value's label. Kept apart
  // from the value: when the value's label arrives from the catalog after
  // they started typing, what they typed stays.
  const [typed, setTyped] = useState<string | null>(null);
  const found = useEntitySearch(OWNER_KINDS, input);
  const options = useMemo(
    () => found.value?.map(ownerOption) ?? [],
    [found.value],
  );
  const current = useAsync(async () => {
    if (!props.value) return null;
    const entity = await catalogApi
      .getEntityByRef(props.value)
      .catch(() => undefined);
    return entity
      ? ownerOption(entity)
      : { ref: props.value, label: props.value };
  }, [catalogApi, props.value]);

  // One object per value: a new one on every render makes the Autocomplete
  // reset what the person is typing (flaky for a value not in the catalog).
  const value = useMemo(
    () =>
      props.value
        ? current.value ?? { ref: props.value, label: props.value }
        : null,
    [props.value, current.value],
  );
  return (
    <Autocomplete<OwnerOption>
      id={props.id}
      // The current value is one of the options (last), so the Autocomplete
      // does not warn "value is invalid" while the search shows others.
      options={
        value && !options.some(o => o.ref === value.ref)
          ? [...options, value]
          : options
      }
      loading={found.loading}
      value={value}
      inputValue={typed ?? value?.label ?? ''}
      filterOptions={o => o}
      getOptionLabel={o => o.label}
      getOptionSelected={(o, v) => o.ref === v.ref}
      // What was typed stays until something is picked: a half-typed name is
      // never taken as "no owner".
      clearOnBlur={false}
      onChange={(_, v) => {
        setTyped(null);
        setInput('');
        props.onChange(v?.ref);
        props.onPendingText?.('');
      }}
      onInputChange={(_, v, reason) => {
        // Only typing changes the text: a 'reset' follows a new value (picked
        // above, or its label resolved) and must not undo what is typed.
        if (reason !== 'input') return;
        setTyped(v);
        setInput(v);
        props.onPendingText?.(v.trim());
      }}
      noOptionsText={
        found.error
          ? `Could not search the catalog: ${found.error.message}`
          : 'No group or user matches'
      }
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          error={!!props.error}
          helperText={
            props.error ?? (props.warning ? `⚠ ${props.warning}` : props.help)
          }
          margin="dense"
          variant="outlined"
        />
      )}
    />
  );
}
