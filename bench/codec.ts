/**
 * Benchmarks the record codec on the Go SDK fixtures: every `data` blob of both files is decoded and re-encoded by
 * the hand-written codec, protobufjs 8 (reflection) and @bufbuild/protobuf 2 (runtime descriptor). Prints a table
 * and writes JSON to /tmp/codec-bench.json (or the path given as the first argument).
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json --outDir /tmp/cb; NODE_PATH=$PWD/node_modules node /tmp/cb/bench/codec.js
 * (`;` rather than `&&`: type errors elsewhere in the project still emit; NODE_PATH because /tmp/cb is outside it.)
 */
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
const WARMUP_PASSES = 10;

interface Blob {
  readonly message: MessageName;
  readonly bytes: Uint8Array;
}

interface Result {
  readonly implementation: string;
  readonly roundTripOpsPerSec: number;
  readonly decodeOpsPerSec: number;
  readonly encodeOpsPerSec: number;
  readonly mbPerSec: number;
  readonly byteIdentical: boolean;
  readonly mismatches: number;
  readonly mapOrderDeterministic: boolean;
  readonly roundTripWallOpsPerSec: number;
  readonly roundTripRuns: Runs;
}

const handWritten: Record<MessageName, ReferenceCodec> = {
  ResourceType: { decode: decodeResourceType, encode: (m) => encodeResourceType(m as never) },
  Resource: { decode: decodeResource, encode: (m) => encodeResource(m as never) },
  Entitlement: { decode: decodeEntitlement, encode: (m) => encodeEntitlement(m as never) },
  Grant: { decode: decodeGrant, encode: (m) => encodeGrant(m as never) },
};

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

/** Per-run times in ms: process CPU time (user + system), which the table reports as other work shares the machine, and wall time. */
interface Runs {
  readonly cpuMs: number[];
  readonly wallMs: number[];
}

/** Runs a workload once (its untimed setup first), appending the times of the timed part to `runs`. */
function timeOnce(setup: () => () => void, runs: Runs): void {
  const fn = setup();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < PASSES; i++) fn();
  const used = process.cpuUsage(cpu);
  runs.wallMs.push(performance.now() - wall);
  runs.cpuMs.push((used.user + used.system) / 1000);
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

interface Candidate {
  readonly implementation: string;
  readonly codecs: Record<MessageName, ReferenceCodec>;
}

/** Each workload's setup runs untimed and returns the timed part. */
interface Workload {
  readonly roundTrip: () => () => void;
  readonly decode: () => () => void;
  readonly encode: () => () => void;
}

function workload(codecs: Record<MessageName, ReferenceCodec>, blobs: readonly Blob[]): Workload {
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
    // Records are decoded afresh for every run and dropped after it, so that no codec's records stay alive to
    // slow down the others' garbage collection, and encoding sees young objects as it does in a round trip.
    encode: () => {
      const decoded = blobs.map((b) => codecs[b.message].decode(b.bytes));
      return () => blobs.forEach((b, i) => codecs[b.message].encode(decoded[i]));
    },
  };
}

function correctness(codecs: Record<MessageName, ReferenceCodec>, blobs: readonly Blob[]): { mismatches: number; mapOrderDeterministic: boolean } {
  let mismatches = 0;
  for (const b of blobs) {
    const codec = codecs[b.message];
    if (!sameBytes(codec.encode(codec.decode(b.bytes)), b.bytes)) mismatches++;
  }
  const maps = mapOrderCases();
  const grant = codecs.Grant;
  const mapOrderDeterministic =
    sameBytes(grant.encode(grant.decode(maps.canonical)), maps.canonical) &&
    sameBytes(grant.encode(grant.decode(maps.permuted)), maps.canonical);
  return { mismatches, mapOrderDeterministic };
}

/** Measures every candidate, interleaved run by run so that all of them see the same machine load. */
function measureAll(candidates: readonly Candidate[], blobs: readonly Blob[]): Result[] {
  const loads = candidates.map((c) => workload(c.codecs, blobs));
  const kinds = ['roundTrip', 'decode', 'encode'] as const;
  const runs = candidates.map(() => Object.fromEntries(kinds.map((k) => [k, { cpuMs: [], wallMs: [] } as Runs])));
  // Warm up until the JIT has settled: the first passes of a codec run several times slower than later ones.
  for (let i = 0; i < WARMUP_PASSES; i++) for (const load of loads) for (const k of kinds) load[k]()();
  for (let run = 0; run < RUNS; run++) {
    loads.forEach((load, i) => {
      for (const k of kinds) timeOnce(load[k], runs[i]?.[k] as Runs);
    });
  }
  const bytes = blobs.reduce((n, b) => n + b.bytes.length, 0);
  const ops = blobs.length * PASSES;
  const perSec = (ms: number[]): number => Math.round(ops / (median(ms) / 1000));
  return candidates.map((c, i) => {
    const r = runs[i] as Record<(typeof kinds)[number], Runs>;
    const { mismatches, mapOrderDeterministic } = correctness(c.codecs, blobs);
    return {
      implementation: c.implementation,
      roundTripOpsPerSec: perSec(r.roundTrip.cpuMs),
      decodeOpsPerSec: perSec(r.decode.cpuMs),
      encodeOpsPerSec: perSec(r.encode.cpuMs),
      mbPerSec: Math.round(((bytes * PASSES) / 1e6 / (median(r.roundTrip.cpuMs) / 1000)) * 10) / 10,
      byteIdentical: mismatches === 0,
      mismatches,
      mapOrderDeterministic,
      roundTripWallOpsPerSec: perSec(r.roundTrip.wallMs),
      roundTripRuns: r.roundTrip,
    };
  });
}

function main(): void {
  const out = process.argv[2] ?? '/tmp/codec-bench.json';
  const blobs = loadBlobs();
  const counts = Object.fromEntries(MESSAGE_NAMES.map((m) => [m, blobs.filter((b) => b.message === m).length]));
  const results = measureAll(
    [
      { implementation: 'hand-written (models/codec)', codecs: handWritten },
      { implementation: 'protobufjs 8 (reflection)', codecs: protobufjsCodecs() },
      { implementation: '@bufbuild/protobuf 2 (runtime descriptor)', codecs: bufbuildCodecs() },
    ],
    blobs,
  );
  console.log(
    `${blobs.length} blobs (${JSON.stringify(counts)}), median of ${RUNS} interleaved runs of ${PASSES} passes, by process CPU time, node ${process.version}\n`,
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
  const winner = eligible.sort((a, b) => b.roundTripOpsPerSec - a.roundTripOpsPerSec)[0];
  console.log(`\nfastest byte-identical and deterministic: ${winner?.implementation ?? 'none'}`);
  writeFileSync(out, `${JSON.stringify({ node: process.version, runs: RUNS, passes: PASSES, blobs: blobs.length, counts, results, winner: winner?.implementation ?? null }, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

main();
