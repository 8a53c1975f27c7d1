/**
 * Executes one contract op on one engine slot and normalises its outcome: list ops are drained from the op's own
 * page (checking the paging invariants), symbolic page tokens and clone destinations are resolved per engine.
 */
import type { Page } from '../../engines/api';
import { StorageError } from '../../engines/errors';
import { drainList, normalizeOutcome, type Json, type Outcome } from '../compare';
import { MALFORMED_PAGE_TOKEN, executeOp, type ContractOp, type ListOp } from '../ops';
import type { EngineSlot } from './engine-slot';

/** The normalised outcome of an op on one engine, and the paging invariants it broke. */
export interface SlotOutcome {
  readonly value: Json;
  readonly violations: string[];
}

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

/** Runs an op through the ops executor, turning its coded failure back into a StorageError outcome. */
async function settleOp(slot: EngineSlot, op: ContractOp, foreignToken: string | undefined): Promise<Outcome> {
  try {
    const r = await executeOp(slot.engine, op, {
      destination: (name) => slot.cloneLocation(name),
      // Tokens are opaque and engine-specific: a foreign token must come from the same engine. When the store has no
      // second page to take one from, the token stands in as malformed for every engine alike.
      pageToken: (symbol) => (symbol === 'foreign' ? (foreignToken ?? MALFORMED_PAGE_TOKEN) : undefined),
    });
    return r.ok ? { ok: true, value: r.value } : { ok: false, error: new StorageError(r.code, r.message) };
  } catch (error) {
    // Not a StorageError: an engine broke the contract (normalised as UNCODED, so it diverges).
    return { ok: false, error };
  }
}

/** A real page token of this engine issued for another query, or undefined when the store has none to give. */
async function foreignTokenFor(slot: EngineSlot, op: ListOp): Promise<string | undefined> {
  try {
    const page =
      op.kind === 'listSyncRuns'
        ? await slot.engine.listResourceTypes({ pageSize: 1 })
        : await slot.engine.listSyncRuns({ pageSize: 1 });
    return page.nextPageToken === '' ? undefined : page.nextPageToken;
  } catch {
    return undefined;
  }
}

/** Executes `op` on `slot`'s engine and returns its normalised outcome. */
export async function executeContractOp(slot: EngineSlot, op: ContractOp): Promise<SlotOutcome> {
  const violations: string[] = [];
  const foreign = isListOp(op) && op.pageToken !== undefined && 'symbol' in op.pageToken && op.pageToken.symbol === 'foreign' ? await foreignTokenFor(slot, op) : undefined;
  let outcome = await settleOp(slot, op, foreign);
  if (outcome.ok && isListOp(op)) {
    const firstPage = outcome.value as Page<unknown>;
    const drained = await drainList(
      async (token) => {
        const next = await settleOp(slot, { ...op, pageToken: { literal: token } } as ListOp, undefined);
        if (!next.ok) throw next.error;
        return next.value as Page<unknown>;
      },
      op.pageSize ?? 0,
      { firstPage },
    );
    for (const v of drained.violations) violations.push(`page ${v.page}: ${v.rule}: ${v.detail}`);
    outcome = { ok: true, value: { items: drained.items, nextPageToken: '' } };
  }
  if (outcome.ok && op.kind === 'cloneSync' && op.destination !== '') slot.clones.set(op.destination, slot.cloneLocation(op.destination));
  return { value: normalizeOutcome(op.kind, outcome), violations };
}
