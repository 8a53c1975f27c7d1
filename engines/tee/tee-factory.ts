/**
 * Opens tees: one location names a set of stores, one per engine. A member's location is derived from the tee's
 * (`<dir>/<name>` becomes engine i's `locationIn(<dir>, '<name>.<i>-<engine>')`), so reopening a tee location, or
 * opening a tee clone destination, finds the same members again; nothing is created at the tee location itself.
 */
import * as path from 'node:path';
import type { Engine, EngineFactory, EngineOptions, Supports } from '../../models/contract/api';
import { StorageError, toStorageError } from '../../models/contract/errors';
import type { DivergenceSink } from '../compare';
import { TeeInjection } from './injection';
import { TeeEngine } from './tee-engine';

/** The location of member `index` (opened by `factory`) of the tee at `location`. */
export function memberLocation(factory: EngineFactory, index: number, location: string): string {
  return factory.locationIn(path.dirname(location), `${path.basename(location)}.${index}-${factory.name}`);
}

/** The AND of the members' capabilities. */
function supportsOf(factories: readonly EngineFactory[]): Supports {
  const all = (key: keyof Supports): boolean => factories.every((f) => f.supports[key]);
  return { persistence: all('persistence'), reopen: all('reopen'), clone: all('clone'), c1z: all('c1z') };
}

async function closeQuietly(engines: readonly Engine[]): Promise<void> {
  for (const e of engines) await e.close().catch(() => undefined);
}

/** A factory of tees over `factories` (the first is the primary), reporting divergences to `sink`. */
export function teeFactory(factories: readonly EngineFactory[], sink: DivergenceSink): EngineFactory {
  if (factories.length === 0) throw new StorageError('INVALID_ARGUMENT', 'a tee needs at least one engine');
  return {
    name: 'tee',
    supports: supportsOf(factories),
    locationIn: (dir, name) => path.join(dir, name),
    async open(location: string, options: EngineOptions): Promise<Engine> {
      const injection = new TeeInjection(options, factories.length);
      const engines: Engine[] = [];
      try {
        for (const [i, factory] of factories.entries()) {
          engines.push(await factory.open(memberLocation(factory, i, location), injection.optionsFor(i)));
        }
      } catch (err) {
        await closeQuietly(engines);
        throw toStorageError(err, 'IO', `opening tee member ${engines.length}`);
      }
      return new TeeEngine(engines, {
        sink,
        injection,
        locate: (destination, index) => memberLocation(factories[index] as EngineFactory, index, destination),
      });
    },
  };
}
