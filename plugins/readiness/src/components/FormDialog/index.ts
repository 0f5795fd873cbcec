export { FormDialog } from './FormDialog';
export { NoteField } from './NoteField';
