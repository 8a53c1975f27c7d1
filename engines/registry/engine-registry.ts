/** The engines a fuzz run can compare, by name; the first one named is the reference the others are compared with. */
import type { EngineFactory } from '../../models/contract/api';
import { leveldbFactory } from '../../engines/leveldb';
import { sqliteFactory } from '../../engines/sqlite';
import { memoryFactory } from '../../models/reference';

/** The name of a fuzzable engine. */
export type EngineName = 'memory' | 'sqlite' | 'leveldb';

/** Every fuzzable engine's factory (a Record, so a new engine does not compile until it is listed here). */
export const ENGINE_FACTORIES: Readonly<Record<EngineName, EngineFactory>> = {
  memory: memoryFactory,
  sqlite: sqliteFactory,
  leveldb: leveldbFactory,
};

/** The default engine set: the reference model first, then SQLite, then LevelDB. */
export const DEFAULT_ENGINES: readonly EngineName[] = ['memory', 'sqlite', 'leveldb'];

/** Parses a comma list of engine names; throws a plain Error naming the unknown one. */
export function parseEngineNames(text: string): EngineName[] {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const name of names) {
    if (!(name in ENGINE_FACTORIES)) throw new Error(`unknown engine ${JSON.stringify(name)} (known: ${Object.keys(ENGINE_FACTORIES).join(', ')})`);
  }
  if (names.length === 0) throw new Error('no engine named');
  if (new Set(names).size !== names.length) throw new Error('an engine is named twice');
  return names as EngineName[];
}
