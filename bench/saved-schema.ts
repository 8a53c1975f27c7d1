/**
 * Measures what keeping a saved c1z's schema costs (SPEC §8) on the fixture files: building the helper indexes when a
 * working copy opens, and dropping them plus VACUUM in the copy that is compressed at save. Median of 5 runs each.
 * Run: npm run build && node dist/bench/saved-schema.js [fixtures dir]   (writes /tmp/saved-schema-bench.json)
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decompressC1z } from '../engines/c1z/container';
import { readFileShape, restoreFileShape } from '../engines/sqlite/file-shape';
import { createHelperIndexes } from '../engines/sqlite/schema';

const RUNS = 5;
const FIXTURES = ['small-unexpanded.c1z', 'sync-in-progress.c1z'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function ms(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  const fixtures = process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'c1z');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'saved-schema-bench-'));
  const rows: Record<string, unknown>[] = [];
  try {
    for (const name of FIXTURES) {
      const pristine = path.join(dir, `${name}.db`);
      await decompressC1z(path.join(fixtures, name), pristine);
      const build: number[] = [];
      const restore: number[] = [];
      let sizes = { file: 0, withHelpers: 0, saved: 0 };
      for (let i = 0; i < RUNS; i++) {
        const copy = path.join(dir, `run-${i}.db`);
        await fs.copyFile(pristine, copy);
        const db = new Database(copy);
        const shape = readFileShape(db);
        db.pragma('journal_mode = DELETE');
        build.push(ms(() => createHelperIndexes(db)));
        const withHelpers = (await fs.stat(copy)).size;
        restore.push(ms(() => restoreFileShape(db, shape)));
        db.close();
        sizes = { file: (await fs.stat(pristine)).size, withHelpers, saved: (await fs.stat(copy)).size };
        await fs.rm(copy);
      }
      rows.push({ fixture: name, buildMs: median(build), restoreMs: median(restore), ...sizes });
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  console.log('fixture                  helper indexes built at open  dropped + VACUUM at save  db bytes: file / working copy / saved');
  for (const r of rows) {
    console.log(
      `${String(r.fixture).padEnd(24)} ${(r.buildMs as number).toFixed(1).padStart(10)} ms ${(r.restoreMs as number).toFixed(1).padStart(24)} ms   ${String(r.file)} / ${String(r.withHelpers)} / ${String(r.saved)}`,
    );
  }
  await fs.writeFile('/tmp/saved-schema-bench.json', JSON.stringify({ node: process.version, loadavg: os.loadavg(), rows }, null, 2));
}

void main();
