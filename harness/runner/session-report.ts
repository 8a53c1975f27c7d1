/** Builds the report of a fuzz session from its result: the failing run's details, or the session's summary. */
import type { RunReport } from '../report';
import { formatOp } from '../ops';
import type { EngineName } from '../../engines/registry/engine-registry';
import type { FuzzResult } from './fuzz';
import { componentVersions } from './versions';

/** What the report needs besides the result. */
export interface SessionInfo {
  readonly runId: string;
  readonly seed: number;
  readonly preset: string;
  readonly engines: readonly EngineName[];
  readonly shard?: { k: number; n: number };
  readonly maxOps?: number;
}

/** The command that replays a session or its failing run exactly. */
export function reproCommand(info: SessionInfo, result: FuzzResult): string {
  const engines = `--engines ${info.engines.join(',')}`;
  const maxOps = info.maxOps === undefined ? '' : ` --max-ops ${info.maxOps}`;
  if (result.failure) {
    return `npx c1z-parity repro --seed ${result.failure.runSeed} --path ${result.failure.path} --preset ${info.preset} ${engines}${maxOps}`;
  }
  const shard = info.shard && info.shard.n > 1 ? ` --shard ${info.shard.k}/${info.shard.n}` : '';
  return `npx c1z-parity fuzz --seed ${info.seed} --runs ${result.runs} --preset ${info.preset} ${engines}${shard}${maxOps}`;
}

/** The report of a session: for a failure, its shrunk ops and histories; else the summary alone. */
export function sessionReport(info: SessionInfo, result: FuzzResult): RunReport {
  const seconds = result.elapsedMs / 1000;
  const failure = result.failure;
  return {
    runId: info.runId,
    seed: info.seed,
    preset: info.preset,
    ...(failure ? { path: failure.path } : {}),
    engines: info.engines,
    versions: componentVersions(),
    ops: failure ? failure.ops.map(formatOp) : [],
    histories: failure ? failure.result.histories : {},
    divergences: result.divergences,
    stats: {
      runs: result.runs,
      ops: result.ops,
      seconds,
      opsPerSecond: seconds > 0 ? result.ops / seconds : 0,
      largestStore: result.largestStore.records,
      largestStoreRun: result.largestStore.runIndex,
    },
    repro: reproCommand(info, result),
    historyDigest: result.historyDigest,
    ...(failure?.firstDivergence === undefined
      ? {}
      : {
          found: {
            runIndex: failure.runIndex,
            runSeed: failure.runSeed,
            opIndex: failure.firstOpIndex,
            op: failure.firstDivergence.op,
            secondsToFind: failure.findMs / 1000,
            secondsToShrink: failure.shrinkMs / 1000,
          },
        }),
  };
}
