/**
 * Benchmarks the record codec on the Go SDK fixtures: every `data` blob of both files is decoded and re-encoded by
 * the hand-written codec, protobufjs 8 (reflection) and @bufbuild/protobuf 2 (runtime descriptor). Prints a table
 * and writes JSON to /tmp/codec-bench.json (or the path given as the first argument).
 *
 * Each run of each implementation is a fresh child process, so that no implementation inherits another's JIT
 * feedback or heap; runs are interleaved across implementations so that all see the same machine load.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json --outDir /tmp/cb; NODE_PATH=$PWD/node_modules node /tmp/cb/bench/codec.js
 * (`;` rather than `&&`: type errors elsewhere in the project still emit; NODE_PATH because /tmp/cb is outside it.)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  decodeEntitlement,
  decodeGrant,
  decodeResource,
  decodeResourceType,
  encodeEntitlement,
  encodeGrant,
  encodeResource,
  encodeResourceType,
} from '../models/codec';
import { FIXTURE_NAMES, RECORD_TABLES, readFixtureTables } from '../models/codec/test/fixture-blobs';
import {
  bufbuildCodecs,
  MESSAGE_NAMES,
  protobufjsCodecs,
  type MessageName,
  type ReferenceCodec,
} from '../models/codec/test/reference-codecs';

const RUNS = 5;
/** Passes over all blobs per timed run, so that a run lasts long enough to time. */
const PASSES = 3;
/** Untimed passes first: the first passes of a codec run several times slower than later ones. */
const WARMUP_PASSES = 10;

const IMPLEMENTATIONS: Record<string, () => Record<MessageName, ReferenceCodec>> = {
  'hand-written (models/codec)': () => ({
    ResourceType: { decode: decodeResourceType, encode: (m) => encodeResourceType(m as never) },
    Resource: { decode: decodeResource, encode: (m) => encodeResource(m as never) },
    Entitlement: { decode: decodeEntitlement, encode: (m) => encodeEntitlement(m as never) },
    Grant: { decode: decodeGrant, encode: (m) => encodeGrant(m as never) },
  }),
  'protobufjs 8 (reflection)': protobufjsCodecs,
  '@bufbuild/protobuf 2 (runtime descriptor)': bufbuildCodecs,
};

const KINDS = ['roundTrip', 'decode', 'encode'] as const;
type Kind = (typeof KINDS)[number];

interface Blob {
  readonly message: MessageName;
  readonly bytes: Uint8Array;
}

/** Times in ms of one timed run: process CPU time (user + system, what the table reports) and wall time. */
interface Timing {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** What one child process reports. */
interface ChildReport {
  readonly timings: Record<Kind, Timing>;
  readonly mismatches: number;
  readonly mapOrderDeterministic: boolean;
}

function loadBlobs(): Blob[] {
  return FIXTURE_NAMES.flatMap((name) =>
    readFixtureTables(name).flatMap((t) => t.blobs.map((bytes) => ({ message: RECORD_TABLES[t.table], bytes }))),
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A grant whose sources need byte order ('10' < '9' < 'a' < 'é' < '😀'), encoded canonically and with entries reversed. */
function mapOrderCases(): { canonical: Uint8Array; permuted: Uint8Array } {
  const keys = ['10', '9', 'a', 'b', 'é', '😀'];
  const grant = (sources: string[]): Uint8Array =>
    encodeGrant({
      entitlement: { resource: { id: { resourceType: 'group', resource: 'g1' } }, id: 'group:g1:member' },
      principal: { id: { resourceType: 'user', resource: 'u1' } },
      id: 'grant-1',
      sources: { sources },
    });
  const canonical = grant(keys);
  // The sources field (a short GrantSources message) comes last: rebuild its entries in reverse key order by hand.
  const entries = keys
    .map((k) => {
      const key = Buffer.from(k, 'utf8');
      return Buffer.from([0x0a, key.length + 4, 0x0a, key.length, ...key, 0x12, 0x00]);
    })
    .reverse();
  const body = Buffer.concat(entries);
  const head = grant([]).subarray(0, -2);
  const permuted = new Uint8Array(Buffer.concat([head, Buffer.from([0x2a, body.length]), body]));
  if (permuted.length !== canonical.length) throw new Error('bench: permuted map encoding is malformed');
  return { canonical, permuted };
}

/** Each workload's setup runs untimed and returns the timed part. */
function workloads(codecs: Record<MessageName, ReferenceCodec>, blobs: readonly Blob[]): Record<Kind, () => () => void> {
  return {
    roundTrip: () => () => {
      for (const b of blobs) {
        const codec = codecs[b.message];
        codec.encode(codec.decode(b.bytes));
      }
    },
    decode: () => () => {
      for (const b of blobs) codecs[b.message].decode(b.bytes);
    },
    // Records are decoded afresh for each run, so that encoding sees young objects as it does in a round trip.
    encode: () => {
      const decoded = blobs.map((b) => codecs[b.message].decode(b.bytes));
      return () => blobs.forEach((b, i) => codecs[b.message].encode(decoded[i]));
    },
  };
}

function timeOnce(setup: () => () => void): Timing {
  const fn = setup();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < PASSES; i++) fn();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

/** Child mode: checks one implementation, warms it up, times one run of each workload and prints a ChildReport. */
function child(implementation: string): void {
  const make = IMPLEMENTATIONS[implementation];
  if (make === undefined) throw new Error(`unknown implementation ${implementation}`);
  const codecs = make();
  const blobs = loadBlobs();
  let mismatches = 0;
  for (const b of blobs) {
    const codec = codecs[b.message];
    if (!sameBytes(codec.encode(codec.decode(b.bytes)), b.bytes)) mismatches++;
  }
  const maps = mapOrderCases();
  const mapOrderDeterministic =
    sameBytes(codecs.Grant.encode(codecs.Grant.decode(maps.canonical)), maps.canonical) &&
    sameBytes(codecs.Grant.encode(codecs.Grant.decode(maps.permuted)), maps.canonical);
  const loads = workloads(codecs, blobs);
  for (let i = 0; i < WARMUP_PASSES; i++) for (const k of KINDS) loads[k]()();
  const timings = Object.fromEntries(KINDS.map((k) => [k, timeOnce(loads[k])])) as Record<Kind, Timing>;
  const report: ChildReport = { timings, mismatches, mapOrderDeterministic };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function parent(out: string): void {
  const blobs = loadBlobs();
  const counts = Object.fromEntries(MESSAGE_NAMES.map((m) => [m, blobs.filter((b) => b.message === m).length]));
  const bytes = blobs.reduce((n, b) => n + b.bytes.length, 0);
  const names = Object.keys(IMPLEMENTATIONS);
  const reports: Record<string, ChildReport[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const name of names) {
      const stdout = execFileSync(process.execPath, [__filename, '--child', name], { encoding: 'utf8' });
      reports[name]?.push(JSON.parse(stdout) as ChildReport);
    }
  }
  const ops = blobs.length * PASSES;
  const results = names.map((name) => {
    const runs = reports[name] ?? [];
    const first = runs[0] as ChildReport;
    const cpu = (k: Kind): number => median(runs.map((r) => r.timings[k].cpuMs));
    const perSec = (ms: number): number => Math.round(ops / (ms / 1000));
    return {
      implementation: name,
      roundTripOpsPerSec: perSec(cpu('roundTrip')),
      roundTripWallOpsPerSec: perSec(median(runs.map((r) => r.timings.roundTrip.wallMs))),
      decodeOpsPerSec: perSec(cpu('decode')),
      encodeOpsPerSec: perSec(cpu('encode')),
      mbPerSec: Math.round(((bytes * PASSES) / 1e6 / (cpu('roundTrip') / 1000)) * 10) / 10,
      byteIdentical: first.mismatches === 0,
      mismatches: first.mismatches,
      mapOrderDeterministic: first.mapOrderDeterministic,
      runs: runs.map((r) => r.timings),
    };
  });
  console.log(
    `${blobs.length} blobs (${JSON.stringify(counts)}); median of ${RUNS} runs (one child process each, ` +
      `${PASSES} passes) by process CPU time; node ${process.version}\n`,
  );
  const header = ['implementation', 'round trip ops/s', '(wall)', 'decode ops/s', 'encode ops/s', 'MB/s', 'byte-identical', 'map order'];
  const rows = results.map((r) => [
    r.implementation,
    r.roundTripOpsPerSec.toLocaleString('en-US'),
    r.roundTripWallOpsPerSec.toLocaleString('en-US'),
    r.decodeOpsPerSec.toLocaleString('en-US'),
    r.encodeOpsPerSec.toLocaleString('en-US'),
    String(r.mbPerSec),
    r.byteIdentical ? 'yes' : `no (${r.mismatches})`,
    r.mapOrderDeterministic ? 'sorted' : 'insertion order',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  for (const row of [header, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i] as number)).join(' | '));
  const eligible = results.filter((r) => r.byteIdentical && r.mapOrderDeterministic);
  const winner = [...eligible].sort((a, b) => b.roundTripOpsPerSec - a.roundTripOpsPerSec)[0];
  console.log(`\nfastest byte-identical and deterministic: ${winner?.implementation ?? 'none'}`);
  const json = { node: process.version, runs: RUNS, passes: PASSES, blobs: blobs.length, counts, results, winner: winner?.implementation ?? null };
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

if (process.argv[2] === '--child') child(process.argv[3] ?? '');
else parent(process.argv[2] ?? '/tmp/codec-bench.json');
