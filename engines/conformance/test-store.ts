/** A store opened for one test: a fresh location in a temp dir, with its own clock and sync id source. */
import type { Engine, EngineFactory, EngineOptions } from '../../models/contract/api';
import { TestClock } from './test-clock';
import { SyncIdSource } from './sync-ids';

/** Engine options a test may set beyond the injected clock and ids. */
export type ExtraOptions = Omit<EngineOptions, 'clock' | 'newSyncId'>;

/** One test's store: the open engine (replaced by `reopen`), its clock, ids and location. */
export class TestStore {
  readonly clock = new TestClock();
  readonly ids = new SyncIdSource();
  readonly location: string;
  private handle: Engine | undefined;
  private readonly opened: Engine[] = [];
  private readonly handedOut = new Set<string>();

  constructor(
    readonly factory: EngineFactory,
    readonly dir: string,
    readonly extra: ExtraOptions = {},
  ) {
    this.location = factory.locationIn(dir, 'store');
    this.handedOut.add(this.location);
  }

  /** The options every engine of this test is opened with. */
  get options(): EngineOptions {
    return { clock: this.clock.now, newSyncId: this.ids.next, ...this.extra };
  }

  /** The engine currently open at `location`. */
  get engine(): Engine {
    if (this.handle === undefined) throw new Error('the test store is not open');
    return this.handle;
  }

  /** Opens the engine at `location`. */
  async open(): Promise<Engine> {
    this.handle = await this.openAt(this.location);
    return this.handle;
  }

  /** Closes the engine and opens the same location again, with the same clock and ids. */
  async reopen(): Promise<Engine> {
    await this.engine.close();
    return this.open();
  }

  /** Another location in this test's temp dir (a clone destination, a second store). */
  locationFor(name: string): string {
    const location = this.factory.locationIn(this.dir, name);
    this.handedOut.add(location);
    return location;
  }

  /** Every location this test used (its store and every `locationFor`). */
  get locations(): readonly string[] {
    return [...this.handedOut];
  }

  /** Opens a store at `location` with this test's options; it is closed at cleanup. */
  async openAt(location: string, extra: ExtraOptions = {}): Promise<Engine> {
    const engine = await this.factory.open(location, { ...this.options, ...extra });
    this.opened.push(engine);
    return engine;
  }

  /** Closes every engine this test opened that is still open. */
  async closeAll(): Promise<void> {
    for (const engine of this.opened) {
      if (!engine.closed) await engine.close();
    }
  }
}
