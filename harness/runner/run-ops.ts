/**
 * Runs one op sequence through every engine of a run, in lockstep through a tee over the run's engines (the
 * reference first): the same op, at the same logical time, on each engine, normalised and compared by the tee; full
 * snapshots, read through the tee too, at sync boundaries, on reopen, on reading a clone and at the end; per-engine
 * invariants checked on the tee's results. Every engine's history (one line per op) is kept for the report and the
 * digest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { ownedDirPrefix } from '../../engines/leftovers/stale';
import { historyLine, isNormalizedError, type Divergence, type EngineOutcome, type OpContext } from '../../engines/compare';
import { MAX_ASSET_BYTES } from '../generator';
import { formatOp, isHarnessOp, RECORD_WRITING_KINDS, type Op } from '../ops';
import { ENGINE_FACTORIES, type EngineName } from '../../engines/registry/engine-registry';
import { EngineSlot, type EngineWrapper } from './engine-slot';
import { LogicalClock } from './logical-clock';
import { runContractOp } from './execute-contract-op';
import { runHarnessOp } from './harness-op';
import { compareSnapshots } from './compare-snapshots';
import { runTee } from './run-tee';
import { defaultRunTmpRoot } from './run-tmp-root';
import { DURING_RUN_BOUNDS } from './snapshot-bounds';

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
  /** Where runs make their temporary stores (default: /dev/shm when writable and TMPDIR is unset, else the OS temp dir). */
  readonly tmpRoot?: string;
  /** Stop at the first op that diverges (default true: what shrinking needs). */
  readonly stopAtFirstDivergence?: boolean;
  /**
   * Asked before every op: true abandons the run there (a wall-clock budget is spent: a session's, fast-check's
   * shrinking or the reducer's). An abandoned run reports `abandoned` and takes no end-of-run snapshot: it is no
   * result, and its caller counts it as none (the session ends, a shrink or reduce candidate passes).
   */
  readonly stopNow?: () => boolean;
}

/** What one run produced. */
export interface RunResult {
  readonly histories: Record<string, string[]>;
  readonly divergences: Divergence[];
  /** How many ops ran before the run ended. */
  readonly opsRun: number;
  /**
   * The most records the reference held, as its stats counted them at the snapshots (every sync at the end of the run,
   * the latest sync at each sync boundary).
   */
  readonly largestStore: number;
  /** True when `stopNow` ended the run before its last op. */
  readonly abandoned?: boolean;
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
  const workDir = await mkdtemp(ownedDirPrefix('c1z-parity-run', config.tmpRoot ?? (await defaultRunTmpRoot())));
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
  let largestStore = 0;
  // Whether any op since the last boundary snapshot could have changed records (else a boundary reads no sync's records).
  let recordsChanged = false;
  let abandoned = false;
  try {
    for (const slot of slots) await slot.open();
    for (const [opIndex, op] of ops.entries()) {
      if (config.stopNow?.() === true) {
        abandoned = true;
        break;
      }
      const text = formatOp(op);
      const ctx: OpContext = { opIndex, op: text, method: op.kind };
      opsRun = opIndex + 1;
      if (op.kind === 'putAsset') assetIds.add(op.id);
      let outcomes: readonly EngineOutcome[];
      if (isHarnessOp(op)) {
        const r = await runHarnessOp(op, slots, clock, { assetIds: [...assetIds], ctx });
        // What each engine answered to the harness op is compared by the tee like any call's result.
        const answers = new Map(r.outcomes.map((o) => [o.engine, o.value]));
        const judged = await runTee(slots).lockstep({ ctx, invoke: (_e, i) => Promise.resolve(answers.get(slots[i]?.name ?? '') ?? null) });
        outcomes = judged.members;
        divergences.push(...r.divergences, ...judged.divergences);
      } else {
        const r = await runContractOp(slots, op, ctx);
        outcomes = r.members;
        divergences.push(...r.divergences);
      }
      for (const o of outcomes) histories[o.engine]?.push(historyLine(opIndex, text, o.value));
      // A lifecycle op every engine refused changed nothing to compare (SPEC §7: no call leaves the store half-written); should
      // one have written anyway, the next snapshot sees it.
      const refused = outcomes.length > 0 && outcomes.every((o) => isNormalizedError(o.value));
      if (RECORD_WRITING_KINDS.has(op.kind)) recordsChanged = true;
      if (divergences.length === 0 && SNAPSHOT_AFTER.has(op.kind) && !refused) {
        // The records of the latest sync are read again only when something could have changed them since the last
        // boundary; the sync runs and the reads naming no sync (what a lifecycle change moves) always are.
        const syncs = recordsChanged ? 'latest' : 'none';
        recordsChanged = false;
        const snap = await compareSnapshots(slots, { ...ctx, op: `${text} [snapshot]` }, [...assetIds], { syncs, bounds: DURING_RUN_BOUNDS });
        divergences.push(...snap.divergences);
        largestStore = Math.max(largestStore, snap.records);
      }
      if (stopEarly && divergences.length > 0) break;
    }
    if (!abandoned && (divergences.length === 0 || !stopEarly)) {
      const ctx: OpContext = { opIndex: ops.length, op: 'end of run [snapshot]', method: 'snapshot' };
      const snap = await compareSnapshots(slots, ctx, [...assetIds], { exportRoundTrip: true, clock: () => clock.now() });
      divergences.push(...snap.divergences);
      largestStore = Math.max(largestStore, snap.records);
    }
  } finally {
    for (const slot of slots) await slot.dispose();
    await rm(workDir, { recursive: true, force: true });
  }
  return { histories, divergences, opsRun, largestStore, ...(abandoned ? { abandoned } : {}) };
}

