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

interface Runs {
  /** Process CPU time (user + system) of each run in ms: what the table reports, as other work shares the machine. */
  readonly cpuMs: number[];
  /** Wall-clock time of each run in ms. */
  readonly wallMs: number[];
}

/** Times `fn` RUNS times after one warm-up run. */
function time(fn: () => void): Runs {
  fn();
  const runs: Runs = { cpuMs: [], wallMs: [] };
  for (let i = 0; i < RUNS; i++) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    fn();
    const used = process.cpuUsage(cpu);
    runs.wallMs.push(performance.now() - wall);
    runs.cpuMs.push((used.user + used.system) / 1000);
  }
  return runs;
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

function measure(implementation: string, codecs: Record<MessageName, ReferenceCodec>, blobs: readonly Blob[]): Result {
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

  const roundTrip = time(() => {
    for (const b of blobs) {
      const codec = codecs[b.message];
      codec.encode(codec.decode(b.bytes));
    }
  });
  const decode = time(() => {
    for (const b of blobs) codecs[b.message].decode(b.bytes);
  });
  const decoded = blobs.map((b) => codecs[b.message].decode(b.bytes));
  const encode = time(() => {
    blobs.forEach((b, i) => codecs[b.message].encode(decoded[i]));
  });
  const bytes = blobs.reduce((n, b) => n + b.bytes.length, 0);
  const perSec = (ms: number[]): number => Math.round(blobs.length / (median(ms) / 1000));
  return {
    implementation,
    roundTripOpsPerSec: perSec(roundTrip.cpuMs),
    decodeOpsPerSec: perSec(decode.cpuMs),
    encodeOpsPerSec: perSec(encode.cpuMs),
    mbPerSec: Math.round((bytes / 1e6 / (median(roundTrip.cpuMs) / 1000)) * 10) / 10,
    byteIdentical: mismatches === 0,
    mismatches,
    mapOrderDeterministic,
    roundTripWallOpsPerSec: perSec(roundTrip.wallMs),
    roundTripRuns: roundTrip,
  };
}

function main(): void {
  const out = process.argv[2] ?? '/tmp/codec-bench.json';
  const blobs = loadBlobs();
  const counts = Object.fromEntries(MESSAGE_NAMES.map((m) => [m, blobs.filter((b) => b.message === m).length]));
  const results = [
    measure('hand-written (models/codec)', handWritten, blobs),
    measure('protobufjs 8 (reflection)', protobufjsCodecs(), blobs),
    measure('@bufbuild/protobuf 2 (runtime descriptor)', bufbuildCodecs(), blobs),
  ];
  console.log(
    `${blobs.length} blobs (${JSON.stringify(counts)}), median of ${RUNS} runs by process CPU time, node ${process.version}\n`,
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
  writeFileSync(out, `${JSON.stringify({ node: process.version, runs: RUNS, blobs: blobs.length, counts, results, winner: winner?.implementation ?? null }, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

main();
