/** The SQLite engine's factory: a store is a `.c1z` file (SPEC §8). */
import path from 'node:path';
import type { EngineFactory } from '../../models/contract/api';
import { SQLITE_SUPPORTS, SqliteEngine } from './sqlite-engine';

/** Opens SQLite stores at `.c1z` paths. */
export const sqliteFactory: EngineFactory = {
  name: 'sqlite',
  supports: SQLITE_SUPPORTS,
  open: (location, options) => SqliteEngine.open(location, options),
  locationIn: (dir, name) => path.join(dir, `${name}.c1z`),
};

export { SqliteEngine };
