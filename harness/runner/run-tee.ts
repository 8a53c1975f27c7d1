/** The tee a run drives: its engines in slot order (the reference first), named by their slots. */
import { TeeEngine } from '../../engines/tee';
import type { EngineSlot } from './engine-slot';

/**
 * A tee over the slots' current engines. The runner reads each call's divergences from the call's result, so the
 * sink drops them; a tee is cheap, and a fresh one is made whenever the engines change (reopen) or some are closed.
 */
export function runTee(slots: readonly EngineSlot[]): TeeEngine {
  return new TeeEngine(
    slots.map((s) => s.engine),
    { sink: () => undefined, labels: slots.map((s) => s.name) },
  );
}
