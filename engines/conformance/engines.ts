/**
 * The engines the conformance suite runs against, by name, and the `ENGINES` environment filter (DESIGN
 * conventions 1 and 10). An engine joins the suite with one line in `FACTORIES`.
 */
import type { EngineFactory } from '../../models/contract/api';

/** The name of every engine the conformance suite knows. */
export type EngineName = 'memory' | 'sqlite' | 'leveldb' | 'tee';

/** How the suite gets an engine: its factory and, for stores that outlive their temp dir, how to release one. */
interface EngineEntry {
  readonly factory: () => EngineFactory;
  /** Frees a store kept outside the temp dir (the model's process-wide registry). */
  readonly release?: () => (location: string) => unknown;
}

/** Loads an export on first use, so that one engine's module failing to load does not break the others. */
function lazy<T>(modulePath: string, exportName: string): () => T {
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(modulePath) as Record<string, T | undefined>;
    const value = mod[exportName];
    if (value === undefined) throw new Error(`${modulePath} does not export ${exportName}`);
    return value;
  };
}

const FACTORIES: Record<EngineName, EngineEntry> = {
  memory: { factory: lazy('../../models/reference', 'memoryFactory'), release: lazy('../../models/reference', 'dropMemoryStore') },
  sqlite: { factory: lazy('../sqlite', 'sqliteFactory') },
  leveldb: { factory: lazy('../leveldb', 'leveldbFactory') },
  tee: { factory: lazy('./conformance-tee', 'conformanceTeeFactory'), release: lazy('./conformance-tee', 'releaseConformanceTee') },
};

/** Every engine name, in the order the suite runs them. */
export const ENGINE_NAMES = Object.keys(FACTORIES) as EngineName[];

/** One engine selected to run: its name and either its loaded factory and release hook, or why it failed to load. */
export type SelectedEngine =
  | { readonly name: EngineName; readonly factory: EngineFactory; readonly release: (location: string) => void }
  | { readonly name: EngineName; readonly loadError: unknown };

function isEngineName(name: string): name is EngineName {
  return (ENGINE_NAMES as string[]).includes(name);
}

function load(name: EngineName): SelectedEngine {
  const entry = FACTORIES[name];
  try {
    const release = entry.release?.();
    return { name, factory: entry.factory(), release: (location) => void release?.(location) };
  } catch (loadError) {
    return { name, loadError };
  }
}

/** The engines named by the `ENGINES` environment variable (a comma list), or every engine when it is absent. */
export function selectedEngines(env: string | undefined = process.env['ENGINES']): SelectedEngine[] {
  const wanted = env === undefined || env.trim() === '' ? ENGINE_NAMES : env.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return wanted.map((name) => {
    if (!isEngineName(name)) throw new Error(`ENGINES names an unknown engine ${JSON.stringify(name)}; known: ${ENGINE_NAMES.join(', ')}`);
    return load(name);
  });
}
