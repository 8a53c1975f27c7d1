/**
 * How many bytes an iterator may read per `nextv` call. classic-level's default (16 KiB) ends a call after about
 * fifty records, so a page of a hundred grants took three round trips to LevelDB's thread and a chunk of a thousand
 * records about twenty; every caller here keeps what it reads anyway (a page, a chunk), so a larger bound costs no
 * memory that the caller would not hold, and it still caps a call on huge records.
 */
export const READ_AHEAD_BYTES = 4 * 1024 * 1024;
