/**
 * Measures the zstd libraries that install here (zstd-napi, @mongodb-js/zstd, fzstd) on c1z files: compress and
 * decompress throughput (median of 5), peak RSS growth, and whether each can stream with a window limit.
 * Each run is its own child process, so one run's peak memory cannot hide another's.
 * Run: npx tsc -p tsconfig.build.json --outDir /tmp/zb && node /tmp/zb/bench/zstd.js   (writes /tmp/zstd-bench.json)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type * as Container from '../engines/c1z/container';
import type * as ZstdEncoderModule from '../engines/c1z/zstd-encoder';

type Op = 'compress' | 'decompress';
interface Variant {
  readonly name: string;
  readonly op: Op;
  readonly streams: boolean;
  readonly windowLimit: string;
}
interface RunResult {
  readonly ms: number;
  readonly rssDeltaBytes: number;
  readonly outBytes: number;
}

const RUNS = 5;
const SYNTHETIC_BYTES = 60 * 1024 * 1024;
const MAGIC = Buffer.from('C1ZF\0', 'latin1');
const VARIANTS: readonly Variant[] = [
  { name: 'zstd-napi stream (container, L1 + fsync)', op: 'compress', streams: true, windowLimit: 'n/a' },
  { name: 'zstd-napi stream L3 (no fsync)', op: 'compress', streams: true, windowLimit: 'n/a' },
  { name: 'zstd-napi stream L1 (no fsync)', op: 'compress', streams: true, windowLimit: 'n/a' },
  { name: 'zstd-napi one-shot L3', op: 'compress', streams: false, windowLimit: 'n/a' },
  { name: '@mongodb-js/zstd one-shot L3', op: 'compress', streams: false, windowLimit: 'n/a' },
  { name: 'zstd-napi stream (container)', op: 'decompress', streams: true, windowLimit: 'yes: windowLogMax + header check' },
  { name: 'zstd-napi one-shot', op: 'decompress', streams: false, windowLimit: 'yes: windowLogMax' },
  { name: '@mongodb-js/zstd one-shot', op: 'decompress', streams: false, windowLimit: 'no (header pre-check only)' },
  { name: 'fzstd stream', op: 'decompress', streams: true, windowLimit: 'no (header pre-check only)' },
];

function findRepoRoot(): string {
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const manifest = path.join(dir, 'package.json');
      if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'c1z-parity') {
        return dir;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('run from the c1z-parity checkout (its node_modules are needed)');
}

const repoRoot = findRepoRoot();
// The compiled bench may live outside the checkout (/tmp/zb): resolve packages from the checkout, not from here.
const load = createRequire(path.join(repoRoot, 'package.json'));

// getrusage's maxRSS survives exec on Linux, so a child would report its parent's size: read the mm's own peak.
function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

function resetPeakRss(): void {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux, or an old kernel: the peak then includes module loading
  }
}

/** One measured run, in this (child) process. */
async function runVariant(name: string, input: string, output: string): Promise<void> {
  const zstdNapi = load('zstd-napi') as typeof import('zstd-napi');
  const mongo = load('@mongodb-js/zstd') as typeof import('@mongodb-js/zstd');
  const fzstd = load('fzstd') as typeof import('fzstd');
  const container = load(path.join(__dirname, '..', 'engines', 'c1z', 'container')) as typeof Container;
  const { ZstdEncoder } = load(path.join(__dirname, '..', 'engines', 'c1z', 'zstd-encoder')) as typeof ZstdEncoderModule;
  resetPeakRss();
  const baseline = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  switch (name) {
    case 'zstd-napi stream (container, L1 + fsync)':
      await container.compressC1z(input, output);
      break;
    case 'zstd-napi stream L3 (no fsync)':
    case 'zstd-napi stream L1 (no fsync)': {
      const fd = fs.openSync(output, 'w');
      fs.writeSync(fd, MAGIC);
      const encoder = new ZstdEncoder(name.includes('L1') ? 1 : 3);
      const chunk = Buffer.allocUnsafe(1 << 20);
      const inFd = fs.openSync(input, 'r');
      for (let n; (n = fs.readSync(inFd, chunk)) > 0; ) for (const piece of encoder.push(chunk.subarray(0, n))) fs.writeSync(fd, piece);
      for (const piece of encoder.end()) fs.writeSync(fd, piece);
      fs.closeSync(inFd);
      fs.closeSync(fd);
      break;
    }
    case 'zstd-napi one-shot L3':
      fs.writeFileSync(output, Buffer.concat([MAGIC, zstdNapi.compress(fs.readFileSync(input), { compressionLevel: 3 })]));
      break;
    case '@mongodb-js/zstd one-shot L3':
      fs.writeFileSync(output, Buffer.concat([MAGIC, await mongo.compress(fs.readFileSync(input), 3)]));
      break;
    case 'zstd-napi stream (container)':
      await container.decompressC1z(input, output);
      break;
    case 'zstd-napi one-shot':
      fs.writeFileSync(output, zstdNapi.decompress(fs.readFileSync(input).subarray(MAGIC.length), { windowLogMax: 27 }));
      break;
    case '@mongodb-js/zstd one-shot':
      fs.writeFileSync(output, await mongo.decompress(fs.readFileSync(input).subarray(MAGIC.length)));
      break;
    case 'fzstd stream': {
      const fd = fs.openSync(output, 'w');
      const stream = new fzstd.Decompress((data) => {
        fs.writeSync(fd, data);
      });
      const inFd = fs.openSync(input, 'r');
      fs.readSync(inFd, Buffer.alloc(MAGIC.length));
      // A fresh buffer per chunk: fzstd keeps references to unconsumed input, so reusing one corrupts the stream.
      for (let chunk = Buffer.allocUnsafe(1 << 20), n; (n = fs.readSync(inFd, chunk)) > 0; chunk = Buffer.allocUnsafe(1 << 20)) {
        stream.push(chunk.subarray(0, n));
      }
      stream.push(new Uint8Array(0), true);
      fs.closeSync(inFd);
      fs.closeSync(fd);
      break;
    }
    default:
      throw new Error(`unknown variant ${name}`);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peak = peakRss();
  const result: RunResult = { ms, rssDeltaBytes: Math.max(0, peak - baseline), outBytes: fs.statSync(output).size };
  process.stdout.write(JSON.stringify(result));
}

function measure(variant: Variant, input: string, output: string): RunResult {
  fs.rmSync(output, { force: true });
  const stdout = execFileSync(process.execPath, [__filename, '--child', variant.name, input, output], {
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as RunResult;
}

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Writes a c1z-shaped SQLite database of about `bytes` bytes (grants with protobuf-like blobs), seeded. */
function buildSyntheticDb(file: string, bytes: number): void {
  const Database = load('better-sqlite3') as typeof BetterSqlite3;
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.exec(`CREATE TABLE v1_grants (id INTEGER PRIMARY KEY, resource_type_id TEXT NOT NULL, resource_id TEXT NOT NULL,
    entitlement_id TEXT NOT NULL, principal_resource_type_id TEXT NOT NULL, principal_resource_id TEXT NOT NULL,
    external_id TEXT NOT NULL, data BLOB NOT NULL, sync_id TEXT NOT NULL, discovered_at TEXT NOT NULL,
    UNIQUE (external_id, sync_id))`);
  let state = 0x9e3779b9;
  const next = (n: number): number => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state % n;
  };
  const insert = db.prepare(
    'INSERT INTO v1_grants (resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id, external_id, data, sync_id, discovered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const types = ['group', 'role', 'app', 'team'];
  const batch = db.transaction((start: number) => {
    for (let i = start; i < start + 10_000; i += 1) {
      const type = types[next(types.length)] ?? 'group';
      const resource = `${type}-${next(20_000)}`;
      const entitlement = `${type}:${resource}:${next(3) === 0 ? 'admin' : 'member'}`;
      const user = `user-${next(200_000)}`;
      const id = `${entitlement}:user:${user}:${i}`;
      const noise = Buffer.alloc(24);
      for (let j = 0; j < noise.length; j += 1) noise[j] = next(256);
      const data = Buffer.concat([
        Buffer.from(`\n\x80\x01\n${entitlement}\x12${resource} Display ${i % 997}\x1a${type}\x12/\n\x04user\x12${user}`),
        Buffer.from(`\x1a${user}@example.com\x22${id}`),
        noise,
      ]);
      const second = String(i % 60).padStart(2, '0');
      insert.run(type, resource, entitlement, 'user', user, id, data, '2Qk7syncSynthetic00000000', `2025-12-17 16:31:${second}.${String(next(1_000_000)).padStart(6, '0')}`);
    }
  });
  for (let start = 0; fs.statSync(file).size < bytes; start += 10_000) batch(start);
  db.close();
}

/** Writes a c1z as the Go SDK does: one streamed frame with a checksum and no declared content size. */
function writeUndeclaredC1z(db: string, c1z: string): void {
  const binding = load('zstd-napi/binding') as typeof import('zstd-napi/binding');
  const cctx = new binding.CCtx();
  cctx.setParameter(binding.CParameter.compressionLevel, 3);
  cctx.setParameter(binding.CParameter.checksumFlag, 1);
  const out = Buffer.allocUnsafe(1 << 20);
  const parts: Buffer[] = [MAGIC];
  for (let src = fs.readFileSync(db); src.length > 0; ) {
    const [, produced, consumed] = cctx.compressStream2(out, src, binding.EndDirective.continue);
    parts.push(Buffer.from(out.subarray(0, produced)));
    src = src.subarray(consumed);
  }
  for (let remaining = 1; remaining !== 0; ) {
    const [left, produced] = cctx.compressStream2(out, Buffer.alloc(0), binding.EndDirective.end);
    parts.push(Buffer.from(out.subarray(0, produced)));
    remaining = left;
  }
  fs.writeFileSync(c1z, Buffer.concat(parts));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const [, , , name = '', input = '', output = ''] = process.argv;
    await runVariant(name, input, output);
    return;
  }
  const zstdNapi = load('zstd-napi') as typeof import('zstd-napi');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zstd-bench-'));
  try {
    const datasets: { name: string; db: string; c1z: string }[] = [];
    for (const name of ['small-unexpanded', 'sync-in-progress']) {
      const c1z = path.join(repoRoot, '..', 'shared', 'fixtures', 'c1z', `${name}.c1z`);
      const db = path.join(tmp, `${name}.db`);
      fs.writeFileSync(db, zstdNapi.decompress(fs.readFileSync(c1z).subarray(MAGIC.length)));
      datasets.push({ name, db, c1z });
    }
    const syntheticDb = path.join(tmp, 'synthetic.db');
    buildSyntheticDb(syntheticDb, SYNTHETIC_BYTES);
    const syntheticC1z = path.join(tmp, 'synthetic.c1z');
    writeUndeclaredC1z(syntheticDb, syntheticC1z);
    datasets.push({ name: 'synthetic', db: syntheticDb, c1z: syntheticC1z });

    const rows: Record<string, unknown>[] = [];
    for (const dataset of datasets) {
      const rawBytes = fs.statSync(dataset.db).size;
      const rawSha = sha(dataset.db);
      for (const variant of VARIANTS) {
        const input = variant.op === 'compress' ? dataset.db : dataset.c1z;
        const output = path.join(tmp, `out-${variant.op}`);
        const runs: RunResult[] = [];
        for (let i = 0; i < RUNS; i += 1) runs.push(measure(variant, input, output));
        const check = variant.op === 'decompress' ? output : path.join(tmp, 'check.db');
        if (variant.op === 'compress') fs.writeFileSync(check, zstdNapi.decompress(fs.readFileSync(output).subarray(MAGIC.length)));
        if (sha(check) !== rawSha) throw new Error(`${variant.name} on ${dataset.name}: output does not round-trip`);
        const ms = median(runs.map((r) => r.ms));
        process.stderr.write(`${dataset.name} ${variant.op} ${variant.name}: ${ms.toFixed(1)} ms\n`);
        rows.push({
          dataset: dataset.name,
          rawMB: +(rawBytes / 2 ** 20).toFixed(2),
          op: variant.op,
          library: variant.name,
          medianMs: +ms.toFixed(1),
          MBps: +(rawBytes / 2 ** 20 / (ms / 1000)).toFixed(0),
          peakRssDeltaMB: +(median(runs.map((r) => r.rssDeltaBytes)) / 2 ** 20).toFixed(1),
          ratio: variant.op === 'compress' ? +(rawBytes / (runs[0]?.outBytes ?? 1)).toFixed(2) : null,
          streams: variant.streams,
          windowLimit: variant.windowLimit,
        });
      }
    }
    console.table(rows);
    const report = { node: process.version, cpus: os.cpus().length, runs: RUNS, rows };
    fs.writeFileSync('/tmp/zstd-bench.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log('wrote /tmp/zstd-bench.json');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
