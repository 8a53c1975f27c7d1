/**
 * Hands every engine of a tee the same injected time and the same new sync ids within one tee call (SPEC §2): the
 * tee reads the real clock once per call, and the ids the first engine draws are replayed to the others in order.
 * Without it, engines sharing one id source would each draw a different id for the same `startNewSync`.
 */
import type { EngineOptions } from '../../models/contract/api';
import type { Micros } from '../../models/types';

/** The per-call clock reading and sync ids shared by the engines of one tee. */
export class TeeInjection {
  private now: Micros | undefined;
  private drawn: string[] = [];
  private readonly taken: number[];

  constructor(
    private readonly base: EngineOptions,
    size: number,
  ) {
    this.taken = new Array<number>(size).fill(0);
  }

  /** Starts a tee call: reads the clock once and forgets the previous call's ids. */
  begin(): void {
    this.now = this.base.clock();
    this.drawn = [];
    this.taken.fill(0);
  }

  /** Ends a tee call: outside calls (while opening, say) engines read the base clock directly. */
  end(): void {
    this.now = undefined;
  }

  /** The options engine `index` is opened with: the base options with the shared clock and ids. */
  optionsFor(index: number): EngineOptions {
    return { ...this.base, clock: () => this.now ?? this.base.clock(), newSyncId: () => this.nextId(index) };
  }

  /** The next id of engine `index` in this call: the one an earlier engine drew at the same position, or a new one. */
  private nextId(index: number): string {
    const position = this.taken[index] ?? 0;
    this.taken[index] = position + 1;
    const replayed = this.drawn[position];
    if (replayed !== undefined) return replayed;
    const id = this.base.newSyncId();
    this.drawn.push(id);
    return id;
  }
}
