import { FormField } from './FormField';

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
    <FormField
      {...props}
      multiline
      minRows={2}
      inputProps={{ maxLength: 1000 }}
      margin="normal"
    />
  );
}
