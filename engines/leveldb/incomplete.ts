/**
 * The incomplete mark of a LevelDB store (SPEC §6): a bulk writer (import, clone) creates its store with a note under
 * one meta key, written in the same batch as the format marker, and deletes it after its last sync is in. A normal
 * open refuses a store that still has it; so does it refuse a store whose creator died before its first write.
 */
import { StorageError } from '../../models/contract/errors';
import { describeNote } from '../leftovers/describe-note';
import { shellWord } from '../leftovers/shell-word';
import type { BulkNote } from '../../models/contract/raw';
import { Kind, key } from './layout';

/** The key of the incomplete mark; its value is the writer's note as JSON. */
export const INCOMPLETE_KEY = key(Kind.meta, 'incomplete');

/** The note of a store whose creator died before writing anything, not even its format marker. */
export const NEVER_WRITTEN: BulkNote = Object.freeze({ writer: 'create', source: '' });

/** The bytes stored under INCOMPLETE_KEY. */
export function encodeNote(note: BulkNote): Buffer {
  return Buffer.from(JSON.stringify({ writer: note.writer, source: note.source, resume: note.resume }), 'utf8');
}

/** The note stored under INCOMPLETE_KEY; a value that does not parse still marks the store incomplete. */
export function decodeNote(value: Buffer): BulkNote {
  try {
    const v = JSON.parse(value.toString('utf8')) as Partial<Record<keyof BulkNote, unknown>>;
    const note = { writer: typeof v.writer === 'string' ? v.writer : 'unknown', source: typeof v.source === 'string' ? v.source : '' };
    return typeof v.resume === 'string' ? { ...note, resume: v.resume } : note;
  } catch {
    return { writer: 'unknown', source: '' };
  }
}

/** The CORRUPTION error of a normal open of an incomplete store, naming how to resume or remove it. */
export function incompleteError(location: string, note: BulkNote): StorageError {
  const resume = note.resume === undefined ? '' : `resume it with \`${note.resume}\` or `;
  return new StorageError(
    'CORRUPTION',
    `${location} is incomplete (${describeNote(note)}); ${resume}remove it with \`c1z-parity discard ${shellWord(location)}\``,
  );
}
