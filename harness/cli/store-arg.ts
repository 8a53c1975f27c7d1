/** Opens the `<store>` argument of a verb (a .c1z file or a LevelDB directory) and always closes it. */
import type { Engine, EngineOptions } from '../../engines/api';
import { openStore } from '../../engines/open-store';
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
