/**
 * Representative faults, each on a small hand-written op sequence: the sequence diverges from the model with the
 * fault and agrees without it (so a fault is a real, reachable bug, and inert unless named).
 */
import { parseOps } from '../../ops';
import type { EngineName } from '../../../engines/registry/engine-registry';
import { runOps } from '../../runner/run-ops';

interface Case {
  readonly fault: string;
  readonly engine: EngineName;
  readonly ops: string;
  /** A fragment of the first divergence's op text. */
  readonly at: string;
}

const CASES: readonly Case[] = [
  {
    fault: 'ifnewer-tie-written',
    engine: 'sqlite',
    ops: `startNewSync
putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] [g1 ent=[e1 res=group/g1] principal=user/u2] ifNewer
getGrant g1`,
    at: 'getGrant g1',
  },
  {
    fault: 'principal-prefix-leak',
    engine: 'leveldb',
    ops: `startNewSync
putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] [g2 ent=[e1 res=group/g1] principal=user/u10]
listGrantsForPrincipal user/u1`,
    at: 'listGrantsForPrincipal user/u1',
  },
  {
    fault: 'stale-principal-index',
    engine: 'leveldb',
    ops: `startNewSync
putGrants [g1 ent=[e1 res=group/g1] principal=user/u1]
putGrants [g1 ent=[e1 res=group/g1] principal=user/u2]
listGrantsForPrincipal user/u1`,
    at: 'listGrantsForPrincipal user/u1',
  },
  {
    fault: 'default-target-oldest',
    engine: 'leveldb',
    ops: `startNewSync
putResourceTypes [user]
endSync
clock step 1000
startNewSync
putResourceTypes [group]
endSync
listResourceTypes`,
    at: 'listResourceTypes',
  },
  {
    fault: 'chunk-remainder-dropped',
    engine: 'sqlite',
    ops: `startNewSync
putGrants @batch(seed=1,n=65,pool=unique)
stats`,
    at: 'stats',
  },
  {
    fault: 'sync-index-little-endian',
    engine: 'leveldb',
    ops: `startNewSync
endSync
clock step -1
startNewSync
endSync`,
    at: 'startNewSync [snapshot]',
  },
  {
    fault: 'diff-discovered-at-millis',
    engine: 'leveldb',
    ops: `startNewSync
endSync
clock step 1
startNewSync
putResourceTypes [user]
endSync
generateSyncDiff s0001 s0002`,
    at: 'generateSyncDiff s0001 s0002',
  },
  {
    fault: 'sync-token-truncated',
    engine: 'leveldb',
    ops: `startNewSync
checkpointSync @text(seed=1,size=100000)
currentSyncStep`,
    at: 'currentSyncStep',
  },
  {
    fault: 'view-survives-cleanup',
    engine: 'sqlite',
    ops: `startNewSync
putResourceTypes [user]
endSync
viewSync s0001
startNewSync
endSync
startNewSync
putResourceTypes [group]
endSync
cleanup keep=1
listResourceTypes`,
    at: 'listResourceTypes',
  },
  {
    fault: 'cleanup-loses-partial',
    engine: 'sqlite',
    ops: `startNewSync
endSync
clock step 10
startNewSync
endSync
clock step 10
startNewSync type=partial
endSync
clock step 10
startNewSync
endSync
cleanup keep=2`,
    at: 'cleanup',
  },
  {
    fault: 'resume-window-exclusive',
    engine: 'leveldb',
    ops: `startNewSync
putResourceTypes [user]
clock step ${7 * 24 * 3_600_000_000}
reopen
listResourceTypes`,
    at: 'listResourceTypes',
  },
  {
    fault: 'clone-default-uses-view',
    engine: 'sqlite',
    ops: `startNewSync
putResourceTypes [user]
endSync
startNewSync
endSync
viewSync s0001
cloneSync "" to=clone1
readClone clone1`,
    at: 'readClone clone1',
  },
  {
    fault: 'stats-ignores-view',
    engine: 'leveldb',
    ops: `startNewSync
putResourceTypes [user]
endSync
startNewSync
endSync
viewSync s0001
stats`,
    at: 'stats',
  },
];

describe.each(CASES)('fault $fault', ({ fault, engine, ops, at }) => {
  const parsed = parseOps(ops);
  const engines: EngineName[] = ['memory', engine];

  test(`diverges on ${engine} with the fault`, async () => {
    const result = await runOps(parsed, { engines, faults: { [engine]: [fault] } });
    expect(result.divergences.length).toBeGreaterThan(0);
    expect(result.divergences[0]?.op).toContain(at);
    expect(result.divergences[0]?.engines).toContain(engine);
  });

  test(`agrees on ${engine} without it`, async () => {
    const result = await runOps(parsed, { engines });
    expect(result.divergences).toEqual([]);
  });
});
