/**
 * `c1z-parity compact <store> [--json]`: reclaims space now (LevelDB `compactRange` over the whole keyspace; SQLite
 * `VACUUM`, then the c1z is written back) and reports the size on disk before and after, measured on the files
 * themselves before opening and after closing, with the engine's own figures alongside.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Engine } from '../../../models/contract/api';
import { figuresOf, withMetrics, type EngineFigures } from '../../../engines/metrics';
import { detectFactory } from '../../../engines/registry/open-store';
import { writeLine, type CliIo } from '../io';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import { addSlowLogFlag, slowLogOf, type MetricsFlags } from './metrics-flags';
import type { SetExit } from '.';

/** The bytes a store takes on disk: a c1z file's size, or the sum of a LevelDB directory's files. */
export async function diskBytes(location: string): Promise<number> {
  const stat = await fs.stat(location);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of await fs.readdir(location, { withFileTypes: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(location, entry.name))).size;
  }
  return total;
}

/** `before -> after bytes (±n.n%)`. */
export function sizeChange(before: number, after: number): string {
  const pct = before === 0 ? 0 : ((after - before) / before) * 100;
  return `${before} -> ${after} bytes (${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%)`;
}

/** The storage figures that say how much space a store uses inside its engine (not all figures: a short list). */
export async function spaceFigures(engine: Engine): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const wanted = new Set(['database_bytes', 'freelist_count', 'page_count', 'working_copy_bytes', 'disk_bytes', 'level_bytes', 'memory_bytes']);
  for (const figures of (await figuresOf(engine)).values()) {
    for (const f of (figures as EngineFigures).figures) {
      if (!wanted.has(f.name)) continue;
      const level = f.labels?.['level'];
      const key = level === undefined ? f.name : f.name.replace(/^level_/, `level${level}_`);
      out[key] = f.value;
    }
  }
  return out;
}

/** Registers the `compact` verb. */
export function registerCompact(program: Command, io: CliIo, _setExit: SetExit): void {
  addSlowLogFlag(withStoreOptions(program.command('compact')))
    .description('reclaim space now (LevelDB compactRange over every key; SQLite VACUUM) and report the size before and after')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--json', 'print one JSON object')
    .action(async (store: string, opts: { json?: boolean } & MetricsFlags & StoreCliOptions) => {
      const factory = await detectFactory(store);
      const slowLog = slowLogOf(opts, io);
      const before = await diskBytes(store);
      const started = performance.now();
      const inside = await withStore(store, async (opened) => {
        const engine = withMetrics(opened, slowLog ? { slowLog } : {});
        const figuresBefore = await spaceFigures(engine);
        await engine.compact();
        return { before: figuresBefore, after: await spaceFigures(engine) };
      }, storeEngineOptions(opts));
      // Measured after close: that is when SQLite writes the c1z back and LevelDB drops its old log.
      const after = await diskBytes(store);
      const seconds = Number(((performance.now() - started) / 1000).toFixed(3));
      if (opts.json) {
        writeLine(io.stdout, JSON.stringify({ store, engine: factory.name, diskBytes: { before, after }, figures: inside, seconds }));
        return;
      }
      writeLine(io.stdout, `compacted ${store} (${factory.name}) in ${seconds}s`);
      writeLine(io.stdout, `${factory.name === 'sqlite' ? 'c1z file' : 'directory'}  ${sizeChange(before, after)}`);
      const rows = Object.keys(inside.before).filter((name) => inside.before[name] !== 0 || inside.after[name] !== 0);
      const width = Math.max(0, ...rows.map((name) => name.length));
      for (const name of rows) {
        const [b, a] = [inside.before[name] ?? 0, inside.after[name] ?? 0];
        writeLine(io.stdout, `  ${name.padEnd(width)}  ${name.endsWith('_bytes') ? sizeChange(b, a) : `${b} -> ${a}`}`);
      }
      if (factory.name === 'sqlite' && after > before) {
        writeLine(io.stdout, 'note: the c1z is written back with this project\'s zstd level, which may differ from the level the file was written with');
      }
    });
}
