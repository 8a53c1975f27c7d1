/** Names of report folders: the verb, the UTC time of the run and its seed, e.g. `fuzz-20261125-121500-seed1`. */
import { wallClockMicros } from './real-clock';

/** A report folder name for a run of `verb` with `seed`. */
export function runId(verb: string, seed: number | string): string {
  const iso = new Date(Math.floor(wallClockMicros() / 1000)).toISOString();
  const stamp = iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${verb}-${stamp}-seed${seed}`;
}
