export { FormDialog } from './FormDialog';
export { NoteField } from './NoteField';
export { FormField } from './FormField';
