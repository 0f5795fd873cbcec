import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useMemo, useState } from 'react';
import {
  EntityOption,
  entityTitle,
  useEntityOption,
  useEntitySearch,
} from '../EntitySearch';
import { stringifyEntityRef } from '@backstage/catalog-model';

const short = (ref: string) => ref.replace(':default/', ':');

/**
 * A filter on an owner, system or domain: type a name or title and pick from
 * the catalog (titles shown, refs sent). Text that matches nothing is sent as
 * typed, with Enter or when the field loses focus; the server accepts short
 * forms such as `payments`.
 */
export function EntityFilterPicker(props: {
  label: string;
  kind: string;
  value?: string;
  onChange: (ref?: string) => void;
}) {
  const [input, setInput] = useState<string | null>(null);
  const found = useEntitySearch([props.kind], input ?? '');
  const options = useMemo(
    () =>
      (found.value ?? []).map(e => ({
        ref: stringifyEntityRef(e).toLowerCase(),
        title: entityTitle(e),
      })),
    [found.value],
  );
  const current = useEntityOption(props.value);
  const value = useMemo(
    () =>
      props.value
        ? current.value ?? { ref: props.value, title: props.value }
        : null,
    [props.value, current.value],
  );
  return (
    <Autocomplete<EntityOption, false, false, true>
      freeSolo
      size="small"
      style={{ minWidth: 200 }}
      options={options}
      loading={found.loading}
      value={value}
      inputValue={input ?? value?.title ?? ''}
      filterOptions={o => o}
      getOptionLabel={o => (typeof o === 'string' ? o : o.title)}
      getOptionSelected={(o, v) => o.ref === v.ref}
      renderOption={o => (
        <div>
          <Typography variant="body2">{o.title}</Typography>
          <Typography variant="caption" color="textSecondary">
            {short(o.ref)}
          </Typography>
        </div>
      )}
      onChange={(_, v) => {
        setInput(null);
        if (typeof v === 'string') props.onChange(v.trim() || undefined);
        else props.onChange(v?.ref);
      }}
      onInputChange={(_, v, reason) => {
        if (reason === 'input') setInput(v);
        if (reason === 'clear') setInput(null);
      }}
      onBlur={() => {
        // Typed text counts when the field loses focus (Tab, a click
        // elsewhere), as with Enter: people do not know they must press it.
        if (input !== null && input.trim() !== (value?.title ?? '')) {
          const typed = input.trim();
          const exact = options.find(
            o => o.title.toLowerCase() === typed.toLowerCase(),
          );
          props.onChange(exact?.ref ?? (typed || undefined));
        }
        setInput(null);
      }}
      noOptionsText={
        found.error
          ? `Could not search the catalog: ${found.error.message}`
          : `No ${props.kind.toLowerCase()} matches`
      }
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          placeholder={`Type a ${props.kind.toLowerCase()} name`}
          variant="outlined"
          inputProps={{ ...params.inputProps, 'aria-label': props.label }}
        />
      )}
    />
  );
}
