/**
 * Turns what ops carry into what engines take: items into entity records (hex into bytes), seeded batches into
 * their items, and seeded bytes and text into values.
 */
import type { AnyMessage, Entitlement, Grant, Resource, ResourceType } from '../../models/types';
import { expandBatch, type BatchItems } from '../generator/batch';
import { expandBytes, expandText } from '../generator/seeded';
import type {
  AnnotationItem,
  BytesRef,
  EntitlementItem,
  GrantItem,
  ItemSource,
  ResourceItem,
  ResourceTypeItem,
  TextRef,
} from './items';
import type { PutRecordsOp } from './put-ops';

/** Decodes lowercase hex into bytes. */
export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Encodes bytes as lowercase hex. */
export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** The bytes a BytesRef stands for. */
export function resolveBytes(ref: BytesRef): Uint8Array {
  return 'hex' in ref ? hexToBytes(ref.hex) : expandBytes(ref.seed, ref.size);
}

/** The last texts expanded: every engine of a run resolves the same op in turn, so the next call usually hits. */
const RECENT_TEXTS = new Map<string, string>();
const RECENT_TEXT_LIMIT = 8;

/** The text a TextRef stands for. */
export function resolveText(ref: TextRef): string {
  if ('text' in ref) return ref.text;
  const key = `${ref.seed}/${ref.size}`;
  const known = RECENT_TEXTS.get(key);
  if (known !== undefined) return known;
  const text = expandText(ref.seed, ref.size);
  if (RECENT_TEXTS.size >= RECENT_TEXT_LIMIT) RECENT_TEXTS.delete(RECENT_TEXTS.keys().next().value as string);
  RECENT_TEXTS.set(key, text);
  return text;
}

/** The items of a put op: its listed items, or its batch expanded. */
export function sourceItems<K extends PutRecordsOp['kind']>(kind: K, source: ItemSource<BatchItems[K]>): readonly BatchItems[K][] {
  return 'batch' in source ? expandBatch(kind, source.batch) : source.items;
}

function annotations(list: readonly AnnotationItem[]): AnyMessage[] {
  return list.map((a) => ({ typeUrl: a.typeUrl, value: hexToBytes(a.value) }));
}

/** A ResourceType record from its item. */
export function toResourceType(item: ResourceTypeItem): ResourceType {
  const { annotations: ann, ...rest } = item;
  return ann === undefined ? { ...rest } : { ...rest, annotations: annotations(ann) };
}

/** A Resource record from its item. */
export function toResource(item: ResourceItem): Resource {
  const { annotations: ann, ...rest } = item;
  return ann === undefined ? { ...rest } : { ...rest, annotations: annotations(ann) };
}

/** An Entitlement record from its item. */
export function toEntitlement(item: EntitlementItem): Entitlement {
  const { annotations: ann, resource, grantableTo, ...rest } = item;
  return {
    ...rest,
    resource: toResource(resource),
    ...(grantableTo === undefined ? {} : { grantableTo: grantableTo.map(toResourceType) }),
    ...(ann === undefined ? {} : { annotations: annotations(ann) }),
  };
}

/** A Grant record from its item. */
export function toGrant(item: GrantItem): Grant {
  const { annotations: ann, entitlement, principal, sources, ...rest } = item;
  return {
    ...rest,
    entitlement: toEntitlement(entitlement),
    principal: toResource(principal),
    ...(sources === undefined ? {} : { sources: { sources: [...sources] } }),
    ...(ann === undefined ? {} : { annotations: annotations(ann) }),
  };
}
