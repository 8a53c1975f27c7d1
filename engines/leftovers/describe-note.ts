/** The words for what an interrupted bulk writer left, shared by the refusing open and the `discard` verb. */
import type { BulkNote } from '../../models/contract/raw';

/** One phrase saying what left a store: `an interrupted import of /x/a.c1z`. */
export function describeNote(note: BulkNote): string {
  if (note.writer === 'create') return 'an empty store whose creator was killed before its first write';
  return `an interrupted ${note.writer}${note.source === '' ? '' : ` of ${note.source}`}`;
}
