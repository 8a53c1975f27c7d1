/**
 * The tee as the conformance suite runs it: the model first, then every storage engine (or the engines named by
 * `TEE_ENGINES`, a comma list), with a sink that throws, so that any divergence fails the test that caused it.
 * Kept out of the tee's index so that importing the tee does not load every engine.
 */
import type { EngineFactory } from '../../models/contract/api';
import { canonicalJson, type Divergence } from '../compare';
import { memberLocation, teeFactory } from '../tee/tee-factory';

/** The members' factories, by name, loaded on use so that only the named engines load. */
const MEMBERS: Readonly<Record<string, () => EngineFactory>> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  memory: () => (require('../../models/reference') as { memoryFactory: EngineFactory }).memoryFactory,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sqlite: () => (require('../sqlite') as { sqliteFactory: EngineFactory }).sqliteFactory,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  leveldb: () => (require('../leveldb') as { leveldbFactory: EngineFactory }).leveldbFactory,
};

/** A divergence thrown by the conformance tee's sink. */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';

  constructor(readonly divergence: Divergence) {
    const d = divergence;
    const show = (v: unknown): string => {
      const text = canonicalJson(v);
      return text.length > 2000 ? `${text.slice(0, 2000)}...` : text;
    };
    super(
      `${d.code} at #${d.opIndex} ${d.op}: ${d.engines[0]} vs ${d.engines[1]}` +
        `${d.detail === undefined ? '' : ` (${d.detail})`}\n  expected: ${show(d.expected)}\n  actual:   ${show(d.actual)}`,
    );
  }
}

function memberNames(env: string | undefined): string[] {
  const names = (env ?? 'memory,sqlite,leveldb').split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const n of names) {
    if (MEMBERS[n] === undefined) throw new Error(`TEE_ENGINES names an unknown engine ${JSON.stringify(n)}`);
  }
  return names;
}

const factories = memberNames(process.env['TEE_ENGINES']).map((n) => (MEMBERS[n] as () => EngineFactory)());

/** The tee the conformance suite runs: every divergence is thrown as a DivergenceError. */
export const conformanceTeeFactory: EngineFactory = teeFactory(factories, (d) => {
  throw new DivergenceError(d);
});

/** Frees the members of a tee store kept outside the temp dir (the model's registry entries). */
export function releaseConformanceTee(location: string): void {
  for (const [i, factory] of factories.entries()) {
    if (factory.name !== 'memory') continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const model = require('../../models/reference') as { dropMemoryStore: (location: string) => unknown };
    model.dropMemoryStore(memberLocation(factory, i, location));
  }
}
