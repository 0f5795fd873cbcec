import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** A text filter that updates the query 300 ms after the person stops typing. */
export function FilterText(props: {
  label: string;
  value?: string;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  useDebounce(() => text !== (props.value ?? '') && props.onChange(text), 300, [
    text,
  ]);
  return (
    <TextField
      label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={e => setText(e.target.value)}
      size="small"
      variant="outlined"
      inputProps={{ 'aria-label': props.label }}
    />
  );
}
