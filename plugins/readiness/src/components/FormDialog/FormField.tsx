import TextField, { OutlinedTextFieldProps } from '@material-ui/core/TextField';

/**
 * A field of the plugin's form dialogs: outlined, full width, and
 * `onChange` with the text (or the date, or the chosen value of a `select`).
 */
export function FormField(
  props: Omit<OutlinedTextFieldProps, 'onChange' | 'variant'> & {
    onChange: (value: string) => void;
  },
) {
  const { onChange, ...field } = props;
  return (
    <TextField
      margin="dense"
      fullWidth
      {...field}
      variant="outlined"
      onChange={e => onChange(e.target.value)}
    />
  );
}
