/** The LevelDB engine's public surface: its factory (location = a directory) and its class. */
import path from 'node:path';
import type { EngineFactory } from '../../models/contract/api';
import { LEVELDB_SUPPORTS, LeveldbEngine } from './leveldb-engine';

/** Opens LevelDB stores; a location is a directory, created when missing. */
export const leveldbFactory: EngineFactory = {
  name: 'leveldb',
  supports: LEVELDB_SUPPORTS,
  open: (location, options) => LeveldbEngine.open(location, options),
  locationIn: (dir, name) => path.join(dir, `${name}.leveldb`),
};

export { LeveldbEngine };
