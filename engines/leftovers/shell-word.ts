/** Quotes a path for a command line that an error message tells the user to run. */

/** `text` as one POSIX shell word: as is when it is plain, else in single quotes. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_/.,:=+@%-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
