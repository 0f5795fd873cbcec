import TextField from '@material-ui/core/TextField';

/**
 * The free-text field of a form dialog (a note, a reason): several lines,
 * at most 1000 characters, as the server accepts.
 */
export function NoteField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      required={props.required}
      multiline
      minRows={2}
      inputProps={{ maxLength: 1000 }}
      fullWidth
      margin="normal"
      variant="outlined"
    />
  );
}
