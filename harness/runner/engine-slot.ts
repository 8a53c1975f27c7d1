/**
 * One engine's seat in a run: its factory, its location inside the run's work directory, the open engine, its own
 * deterministic sync-id source, and the clones it made. The runner opens, reopens and clones through it.
 */
import path from 'node:path';
import type { Engine, EngineFactory, EngineOptions } from '../../models/contract/api';
import { dropMemoryStore } from '../../models/reference';
import type { LogicalClock } from './logical-clock';
import { SequentialSyncIds } from './sync-ids';

/** Turns a freshly opened engine into the one the run uses (tests wrap engines to break them on purpose). */
export type EngineWrapper = (name: string, engine: Engine) => Engine;

/** What a slot needs to open its engine. */
export interface SlotConfig {
  readonly name: string;
  readonly factory: EngineFactory;
  /** The run's work directory, made inside the run's temp root: the engines' own temp files go beside it. */
  readonly workDir: string;
  readonly clock: LogicalClock;
  readonly maxAssetBytes: number;
  readonly faults?: readonly string[];
  readonly wrap?: EngineWrapper;
}

/** An engine of a run and everything the runner tracks about it. */
export class EngineSlot {
  readonly name: string;
  readonly location: string;
  readonly workDir: string;
  /** The run's temp root (the work dir's parent), where engines keep their temporary files. */
  readonly tmpDir: string;
  /** Clone destinations (symbolic names) that a successful cloneSync created, mapped to their locations. */
  readonly clones = new Map<string, string>();
  private readonly ids = new SequentialSyncIds();
  private current: Engine | undefined;

  constructor(private readonly config: SlotConfig) {
    this.name = config.name;
    this.workDir = config.workDir;
    this.tmpDir = path.dirname(config.workDir);
    this.location = config.factory.locationIn(config.workDir, config.name);
  }

  /** The open engine (throws if the slot was never opened). */
  get engine(): Engine {
    if (this.current === undefined) throw new Error(`engine ${this.name} is not open`);
    return this.current;
  }

  /** Options shared by the main store and its clones: the run's clock, this slot's ids, the run's limits. */
  private options(): EngineOptions {
    const base: EngineOptions = {
      clock: () => this.config.clock.now(),
      newSyncId: () => this.ids.next(),
      maxAssetBytes: this.config.maxAssetBytes,
      // Run stores are thrown away after the run: no fsync on save, working copies in the run's temp root.
      durable: false,
      tmpDir: this.tmpDir,
    };
    return this.config.faults === undefined ? base : { ...base, faults: this.config.faults };
  }

  /** Switches this slot's sync-id source to `alphabet` (the `syncIds` op). */
  useSyncIdAlphabet(alphabet: string): void {
    this.ids.useAlphabet(alphabet);
  }

  /** Opens (or reopens) the main store. */
  async open(): Promise<void> {
    const engine = await this.config.factory.open(this.location, this.options());
    this.current = this.config.wrap ? this.config.wrap(this.name, engine) : engine;
  }

  /** Makes `id` the id of the next sync this slot's engine creates (the `nextSyncId` op). */
  queueSyncId(id: string): void {
    this.ids.queue(id);
  }

  /** The location a symbolic clone destination maps to for this engine. */
  cloneLocation(destination: string): string {
    return this.config.factory.locationIn(this.config.workDir, `${this.name}-clone-${destination.replace(/[^A-Za-z0-9_-]/g, '_')}`);
  }

  /** Opens a clone this slot made (with a fresh id source: a clone is read, not written). */
  async openClone(destination: string): Promise<Engine | undefined> {
    const location = this.clones.get(destination);
    if (location === undefined) return undefined;
    const ids = new SequentialSyncIds();
    return this.config.factory.open(location, { ...this.options(), newSyncId: () => ids.next() });
  }

  /** Closes the main store if open, ignoring errors (the run is over), and forgets in-memory stores. */
  async dispose(): Promise<void> {
    if (this.current !== undefined && !this.current.closed) await this.current.close().catch(() => undefined);
    dropMemoryStore(this.location);
    for (const location of this.clones.values()) dropMemoryStore(location);
  }
}
