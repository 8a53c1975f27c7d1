/**
 * The in-memory reference model (`memoryFactory`): locations are names in a process-wide registry, so a store
 * reopens with everything committed and `cloneSync` writes a new registry entry.
 */
import path from 'node:path';
import type { Engine, EngineFactory, EngineOptions } from '../contract/api';
import { StorageError } from '../contract/errors';
import { MEMORY_SUPPORTS, MemoryEngine } from './memory-engine';
import { storeAt } from './state';

export { MemoryEngine, MEMORY_SUPPORTS } from './memory-engine';
export { dropMemoryStore } from './state';

/** Opens in-memory stores by registry name. */
export const memoryFactory: EngineFactory = {
  name: 'memory',
  supports: MEMORY_SUPPORTS,
  async open(location: string, options: EngineOptions): Promise<Engine> {
    if (typeof location !== 'string' || location === '') throw new StorageError('INVALID_ARGUMENT', 'location is empty');
    if (typeof options?.clock !== 'function' || typeof options.newSyncId !== 'function') {
      throw new StorageError('INVALID_ARGUMENT', 'options need clock and newSyncId');
    }
    return new MemoryEngine(storeAt(location), options);
  },
  locationIn(dir: string, name: string): string {
    return path.join(dir, `${name}.mem`);
  },
};
