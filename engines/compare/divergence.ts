/**
 * A divergence is data (DESIGN, Reports): what two engines disagreed on, at which op, with both sides' normalised
 * results. Renderers and sinks consume it; nothing here formats it.
 */

/** The kinds of divergence the comparison and the invariant checks produce. */
export type DivergenceCode = 'result-mismatch' | 'error-mismatch' | 'invariant';

/** Two engines disagreed (or one engine broke an invariant) at op `opIndex`. */
export interface Divergence {
  /** `result-mismatch`, `error-mismatch` or `invariant` (a string, so callers may add their own kinds). */
  readonly code: DivergenceCode | (string & Record<never, never>);
  readonly opIndex: number;
  /** The op's text line. */
  readonly op: string;
  /** The engine whose result is expected (the first, the reference) and the one that differs; equal for invariants. */
  readonly engines: readonly [string, string];
  /** The expected side's normalised result (for record lists: only the differing records). */
  readonly expected: unknown;
  /** The other side's normalised result (for record lists: only the differing records). */
  readonly actual: unknown;
  readonly detail?: string;
}

/** Receives divergences as they are found. */
export type DivergenceSink = (divergence: Divergence) => void;

/** Where a comparison happens: the op's index and text, and the contract method it called. */
export interface OpContext {
  readonly opIndex: number;
  readonly op: string;
  readonly method: string;
}

/** A divergence saying that one engine broke an invariant (`rule`) on its own. */
export function invariantDivergence(ctx: OpContext, engine: string, rule: string, detail: string): Divergence {
  return { code: 'invariant', opIndex: ctx.opIndex, op: ctx.op, engines: [engine, engine], expected: rule, actual: detail, detail: `${rule}: ${detail}` };
}
