/**
 * Representative faults, each on a small hand-written op sequence: the sequence diverges from the model with the
 * fault and agrees without it (so a fault is a real, reachable bug, and inert unless named).
 */
import { parseOps } from '../../ops';
import type { EngineName } from '../../runner/engine-registry';
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
