/** Runs a block of conformance tests once per selected engine, each test with fresh stores that are cleaned up. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EngineFactory, Supports } from '../../models/contract/api';
import { selectedEngines, type EngineName } from './engines';
import { TestStore, type ExtraOptions } from './test-store';

/** What a conformance block gets for its engine. */
export interface EngineContext {
  readonly name: EngineName;
  readonly factory: EngineFactory;
  readonly supports: Supports;
  /** Opens a fresh, empty store in a new temp dir; closed and removed after the test. */
  fresh(extra?: ExtraOptions): Promise<TestStore>;
  /** `it` when `condition` holds, `it.skip` otherwise (for capabilities of the `supports` manifest). */
  itIf(condition: boolean): jest.It;
}

/** Declares `describe(title [engine])` for every engine selected by `ENGINES`, calling `fn` with its context. */
export function describeEachEngine(title: string, fn: (ctx: EngineContext) => void): void {
  for (const selected of selectedEngines()) {
    const name = selected.name;
    if ('loadError' in selected) {
      describe(`${title} [${name}]`, () => {
        it('loads the engine module', () => {
          throw selected.loadError;
        });
      });
      continue;
    }
    const { factory, release } = selected;
    describe(`${title} [${name}]`, () => {
      let stores: TestStore[] = [];
      const ctx: EngineContext = {
        name,
        factory,
        supports: factory.supports,
        async fresh(extra: ExtraOptions = {}): Promise<TestStore> {
          const dir = await fs.mkdtemp(path.join(os.tmpdir(), `c1z-conformance-${name}-`));
          const store = new TestStore(factory, dir, extra);
          stores.push(store);
          await store.open();
          return store;
        },
        itIf: (condition) => (condition ? it : it.skip),
      };
      afterEach(async () => {
        const done = stores;
        stores = [];
        for (const store of done) {
          await store.closeAll().catch(() => undefined);
          for (const location of store.locations) release(location);
          await fs.rm(store.dir, { recursive: true, force: true });
        }
      });
      fn(ctx);
    });
  }
}
