/**
 * Runs one op sequence through every engine of a run, in lockstep: the same op, at the same logical time, on each
 * engine; outcomes normalised and compared with the first engine's (the reference); full snapshots compared at sync
 * boundaries, on reopen, on reading a clone and at the end; per-engine invariants checked. Every engine's history
 * (one line per op) is kept for the report and the digest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson, compareOutcomes, invariantDivergence, type Divergence, type EngineOutcome, type OpContext } from '../compare';
import { MAX_ASSET_BYTES } from '../generator';
import { formatOp, isHarnessOp, type Op } from '../ops';
import { ENGINE_FACTORIES, type EngineName } from './engine-registry';
import { EngineSlot, type EngineWrapper } from './engine-slot';
import { LogicalClock } from './logical-clock';
import { executeContractOp } from './execute-contract-op';
import { runHarnessOp } from './harness-op';
import { compareSnapshots } from './compare-snapshots';

/** The asset size limit fuzz runs open engines with (the generator's), so that "over the limit" is cheap. */
export const RUN_MAX_ASSET_BYTES = MAX_ASSET_BYTES;

/** How a run is set up. */
export interface RunConfig {
  readonly engines: readonly EngineName[];
  /** Test-only faults per engine (issue 5); none unless named. */
  readonly faults?: Partial<Record<EngineName, readonly string[]>>;
  /** Wraps each opened engine (tests break engines on purpose with it). */
  readonly wrap?: EngineWrapper;
  /** Measures each opened engine (applied over `wrap`): an `engines/metrics` wrapper; none unless asked for. */
  readonly metrics?: EngineWrapper;
  /** Where runs make their temporary stores (default: the OS temp dir). */
  readonly tmpRoot?: string;
  /** Stop at the first op that diverges (default true: what shrinking needs). */
  readonly stopAtFirstDivergence?: boolean;
}

/** What one run produced. */
export interface RunResult {
  readonly histories: Record<string, string[]>;
  readonly divergences: Divergence[];
  /** How many ops ran before the run ended. */
  readonly opsRun: number;
}

/** The wrapper a run's engines get: `metrics` over `wrap`, either alone, or none. */
function wrapperOf(config: RunConfig): EngineWrapper | undefined {
  const { wrap, metrics } = config;
  if (metrics === undefined) return wrap;
  return wrap === undefined ? metrics : (name, engine) => metrics(name, wrap(name, engine));
}

/**
 * The ops after which every engine's state is compared: every lifecycle change, so that reads naming no sync are
 * compared after each (the snapshot reads the default target, and the latest sync in full).
 */
const SNAPSHOT_AFTER: ReadonlySet<string> = new Set(['startNewSync', 'startSync', 'setCurrentSync', 'viewSync', 'endSync', 'generateSyncDiff', 'cleanup']);

/** Runs `ops` on fresh stores of every engine of `config` and returns the histories and divergences. */
export async function runOps(ops: readonly Op[], config: RunConfig): Promise<RunResult> {
  const workDir = await mkdtemp(path.join(config.tmpRoot ?? os.tmpdir(), 'c1z-parity-run-'));
  const clock = new LogicalClock();
  const wrap = wrapperOf(config);
  const slots = config.engines.map(
    (name) =>
      new EngineSlot({
        name,
        factory: ENGINE_FACTORIES[name],
        workDir,
        clock,
        maxAssetBytes: RUN_MAX_ASSET_BYTES,
        ...(config.faults?.[name] ? { faults: config.faults[name] } : {}),
        ...(wrap ? { wrap } : {}),
      }),
  );
  const histories: Record<string, string[]> = Object.fromEntries(slots.map((s) => [s.name, []]));
  const divergences: Divergence[] = [];
  const assetIds = new Set<string>();
  const stopEarly = config.stopAtFirstDivergence ?? true;
  let opsRun = 0;
  try {
    for (const slot of slots) await slot.open();
    for (const [opIndex, op] of ops.entries()) {
      const text = formatOp(op);
      const ctx: OpContext = { opIndex, op: text, method: op.kind };
      opsRun = opIndex + 1;
      if (op.kind === 'putAsset') assetIds.add(op.id);
      let outcomes: EngineOutcome[];
      if (isHarnessOp(op)) {
        const r = await runHarnessOp(op, slots, clock, { assetIds: [...assetIds], ctx });
        outcomes = r.outcomes;
        divergences.push(...r.divergences);
      } else {
        outcomes = [];
        for (const slot of slots) {
          const r = await executeContractOp(slot, op);
          outcomes.push({ engine: slot.name, value: r.value });
          for (const v of r.violations) divergences.push(invariantDivergence(ctx, slot.name, 'paging', v));
        }
      }
      for (const o of outcomes) histories[o.engine]?.push(`#${opIndex} ${text} => ${canonicalJson(o.value)}`);
      divergences.push(...compareOutcomes(ctx, outcomes));
      if (divergences.length === 0 && SNAPSHOT_AFTER.has(op.kind)) {
        divergences.push(...(await compareSnapshots(slots, { ...ctx, op: `${text} [snapshot]` }, [...assetIds], { syncs: 'latest' })));
      }
      if (stopEarly && divergences.length > 0) break;
    }
    if (divergences.length === 0 || !stopEarly) {
      const ctx: OpContext = { opIndex: ops.length, op: 'end of run [snapshot]', method: 'snapshot' };
      divergences.push(...(await compareSnapshots(slots, ctx, [...assetIds], { exportRoundTrip: true, clock: () => clock.now() })));
    }
  } finally {
    for (const slot of slots) await slot.dispose();
    await rm(workDir, { recursive: true, force: true });
  }
  return { histories, divergences, opsRun };
}

