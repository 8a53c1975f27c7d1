/**
 * The reducer's oracle: asks the divergence predicate about a candidate op sequence, at most once per distinct
 * sequence (keyed by its canonical text), and answers "no" once the time budget is spent, even in the middle of a
 * candidate, so every pass of the reducer stops by itself and keeps the best sequence found so far.
 */
import { formatOps, type Op } from '../ops';

/**
 * Tells whether an op sequence still shows the divergence being reduced. `stopNow`, asked between ops, lets a long
 * candidate give up when the budget is spent (it then counts as "no").
 */
export type DivergesPredicate = (ops: readonly Op[], stopNow?: () => boolean) => Promise<boolean>;

/** A caching, time-bounded wrapper of a predicate. */
export class Tester {
  private readonly seen = new Map<string, boolean>();
  private readonly deadline: number;
  /** How many times the predicate actually ran. */
  checks = 0;

  constructor(
    private readonly diverges: DivergesPredicate,
    maxMs: number,
    private readonly now: () => number,
  ) {
    this.deadline = now() + maxMs;
  }

  /** Tells whether the time budget is spent. */
  expired(): boolean {
    return this.now() >= this.deadline;
  }

  /**
   * Tells whether `ops` still diverges; false once the budget is spent. A predicate that throws counts as "no": a
   * candidate that breaks the harness is not a smaller case of the same divergence.
   */
  async test(ops: readonly Op[]): Promise<boolean> {
    const key = formatOps(ops);
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    if (this.expired()) return false;
    this.checks += 1;
    let verdict: boolean;
    try {
      // A candidate as long as a big run takes a minute; the budget stops it between two ops instead of after it.
      verdict = await this.diverges(ops, () => this.expired());
    } catch {
      verdict = false;
    }
    this.seen.set(key, verdict);
    return verdict;
  }
}
