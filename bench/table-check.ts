/**
 * Measures what checking every LevelDB table's block checksums at open costs (SPEC §7): a store of N grants (default
 * 100,000, the medium scale) is written and compacted, then the check alone and a whole open + close are timed
 * (median of 5), with the store's table bytes and the check's throughput.
 * Run: npm run build && node dist/bench/table-check.js [grants]   (writes /tmp/table-check-bench.json)
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { leveldbFactory } from '../engines/leveldb';
import { checkTables, TABLE_FILE } from '../engines/leveldb/table-check';
import type { Grant } from '../models/types';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function grant(i: number): Grant {
  const resource = { resourceType: 'group', resource: `group-${i % 500}` };
  return {
    id: `group:group-${i % 500}:member:user:user-${i}`,
    entitlement: { id: `group:group-${i % 500}:member`, resource: { id: resource } },
    principal: { id: { resourceType: 'user', resource: `user-${i}` } },
  };
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'table-check-bench-'));
  const location = path.join(dir, 'store');
  let n1 = 0;
  const options = { clock: () => 1_700_000_000_000_000, newSyncId: () => `s${++n1}` };
  try {
    const engine = await leveldbFactory.open(location, options);
    await engine.startNewSync();
    for (let at = 0; at < n; at += 1000) await engine.putGrants(Array.from({ length: Math.min(1000, n - at) }, (_, k) => grant(at + k)));
    await engine.endSync();
    await engine.compact();
    await engine.close();
    const tables = (await fs.readdir(location)).filter((f) => TABLE_FILE.test(f));
    let bytes = 0;
    for (const t of tables) bytes += (await fs.stat(path.join(location, t))).size;
    const check: number[] = [];
    const open: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      check.push(await timed(async () => checkTables(location)));
      open.push(await timed(async () => (await leveldbFactory.open(location, options)).close()));
    }
    const row = {
      grants: n,
      tables: tables.length,
      tableBytes: bytes,
      firstCheckMs: check[0] as number,
      checkMs: median(check),
      openCloseMs: median(open),
      mbPerSecond: bytes / 1e6 / (median(check) / 1000),
    };
    console.log('grants   tables  table MB  first check ms (cold)  check ms  open+close ms (check included)  check MB/s');
    console.log(
      `${String(n).padEnd(8)} ${String(row.tables).padStart(6)} ${(bytes / 1e6).toFixed(1).padStart(9)} ${row.firstCheckMs.toFixed(1).padStart(22)} ${row.checkMs.toFixed(1).padStart(9)} ${row.openCloseMs.toFixed(1).padStart(14)} ${row.mbPerSecond.toFixed(0).padStart(27)}`,
    );
    await fs.writeFile('/tmp/table-check-bench.json', JSON.stringify({ node: process.version, loadavg: os.loadavg(), ...row }, null, 2));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
