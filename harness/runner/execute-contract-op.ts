/**
 * Executes one contract op on every engine of a run as one lockstep call of the run's tee: each engine gets its own
 * symbolic page tokens and clone destinations, list ops are drained from the op's own page, and the tee normalises,
 * checks paging and compares, exactly as it does for any call made through it.
 */
import type { Engine, Page } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import type { LockstepResult } from '../../engines/tee';
import type { OpContext } from '../../engines/compare';
import { MALFORMED_PAGE_TOKEN, executeOp, type ContractOp, type ListOp } from '../ops';
import type { EngineSlot } from './engine-slot';
import { runTee } from './run-tee';

const LIST_KINDS: ReadonlySet<string> = new Set([
  'listResourceTypes',
  'listResources',
  'listEntitlements',
  'listGrants',
  'listGrantsForEntitlement',
  'listGrantsForPrincipal',
  'listGrantsForResourceType',
  'listSyncRuns',
]);

function isListOp(op: ContractOp): op is ListOp {
  return LIST_KINDS.has(op.kind);
}

/** Runs an op through the ops executor on one engine; a coded failure is thrown back as a StorageError. */
async function execute(slot: EngineSlot, engine: Engine, op: ContractOp, foreignToken: string | undefined): Promise<unknown> {
  const r = await executeOp(engine, op, {
    destination: (name) => slot.cloneLocation(name),
    // Tokens are opaque and engine-specific: a foreign token must come from the same engine. When the store has no
    // second page to take one from, the token stands in as malformed for every engine alike.
    pageToken: (symbol) => (symbol === 'foreign' ? (foreignToken ?? MALFORMED_PAGE_TOKEN) : undefined),
  });
  if (!r.ok) throw new StorageError(r.code, r.message);
  return r.value;
}

/** A real page token of this engine issued for another query, or undefined when the store has none to give. */
async function foreignTokenFor(engine: Engine, op: ListOp): Promise<string | undefined> {
  try {
    const page = op.kind === 'listSyncRuns' ? await engine.listResourceTypes({ pageSize: 1 }) : await engine.listSyncRuns({ pageSize: 1 });
    return page.nextPageToken === '' ? undefined : page.nextPageToken;
  } catch {
    return undefined;
  }
}

function wantsForeignToken(op: ContractOp): op is ListOp {
  return isListOp(op) && op.pageToken !== undefined && 'symbol' in op.pageToken && op.pageToken.symbol === 'foreign';
}

/** Executes `op` on every slot's engine through the run's tee; the members are in slot order. */
export async function runContractOp(slots: readonly EngineSlot[], op: ContractOp, ctx: OpContext): Promise<LockstepResult> {
  const slotOf = (i: number): EngineSlot => slots[i] as EngineSlot;
  const result = await runTee(slots).lockstep({
    ctx,
    invoke: async (engine, i) => execute(slotOf(i), engine, op, wantsForeignToken(op) ? await foreignTokenFor(engine, op) : undefined),
    ...(isListOp(op)
      ? {
          nextPage: (engine: Engine, i: number, token: string) => execute(slotOf(i), engine, { ...op, pageToken: { literal: token } }, undefined) as Promise<Page<unknown>>,
          pageSize: op.pageSize ?? 0,
        }
      : {}),
  });
  if (op.kind === 'cloneSync' && op.destination !== '') {
    for (const [i, m] of result.members.entries()) if (m.outcome.ok) slotOf(i).clones.set(op.destination, slotOf(i).cloneLocation(op.destination));
  }
  return result;
}
