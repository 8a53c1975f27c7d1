/** Opens the `<store>` argument of a verb (a .c1z file or a LevelDB directory) and always closes it. */
import type { Engine, EngineOptions } from '../../models/contract/api';
import { openStore } from '../../engines/registry/open-store';
import type { Command } from 'commander';
import { parseCount } from './options';
import { realEngineOptions } from './real-clock';

/** Runs `fn` on the store at `location` opened with the real clock, closing it afterwards. */
export async function withStore<T>(
  location: string,
  fn: (engine: Engine) => Promise<T>,
  options: Partial<EngineOptions> = {},
): Promise<T> {
  const engine = await openStore(location, realEngineOptions(options));
  try {
    return await fn(engine);
  } finally {
    if (!engine.closed) await engine.close();
  }
}

/** Options every verb that opens a user's store accepts. */
export interface StoreCliOptions {
  maxDecodedBytes?: string;
}

/** Adds the store-opening options (the c1z decode bound) to a verb. */
export function withStoreOptions<T extends Command>(cmd: T): T {
  cmd.option('--max-decoded-bytes <n>', 'refuse a c1z that decodes to more than this many bytes (default 3 GiB)');
  return cmd;
}

/** Engine options from the store-opening options of a verb. */
export function storeEngineOptions(opts: StoreCliOptions): Partial<EngineOptions> {
  if (opts.maxDecodedBytes === undefined) return {};
  return { c1zLimits: { maxDecodedBytes: parseCount(opts.maxDecodedBytes, '--max-decoded-bytes', 1) } };
}
