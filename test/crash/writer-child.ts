/**
 * An engine script for the durability tests (`run-ts.js writer-child.ts <mode> <location>`), printing one line after
 * each completed call so that the parent can SIGKILL it at a known count:
 * - `leveldb`: one sync, then batches of resource types `b<i>-<j>` forever;
 * - `sqlite`: batches 1..5 and a close, then a reopen and batches 6.. forever (never closed again);
 * - `hold`: opens the c1z and holds it open until stdin ends, then closes it.
 */
import { leveldbFactory } from '../../engines/leveldb';
import { sqliteFactory } from '../../engines/sqlite';
import type { Engine, EngineOptions } from '../../models/contract/api';
import { BATCH } from './child';

const options: EngineOptions = { clock: () => 1_767_225_600_000_000, newSyncId: () => 's1' };

function say(line: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${line}\n`, () => resolve()));
}

async function putBatch(engine: Engine, i: number): Promise<void> {
  await engine.putResourceTypes(Array.from({ length: BATCH }, (_, j) => ({ id: `b${i}-${j}`, displayName: `batch ${i}` })));
  await say(`done ${i}`);
}

async function main(mode: string, location: string): Promise<void> {
  if (mode === 'hold') {
    const engine = await sqliteFactory.open(location, options);
    await say('open');
    process.stdin.resume();
    await new Promise((resolve) => process.stdin.once('end', resolve));
    await engine.close();
    return;
  }
  const factory = mode === 'leveldb' ? leveldbFactory : sqliteFactory;
  let engine = await factory.open(location, options);
  await engine.startNewSync();
  let i = 1;
  if (mode === 'sqlite') {
    for (; i <= 5; i++) await putBatch(engine, i);
    await engine.close();
    await say('closed');
    engine = await factory.open(location, options);
    await engine.setCurrentSync('s1');
  }
  for (;; i++) await putBatch(engine, i);
}

void main(process.argv[3] ?? '', process.argv[4] ?? '');
