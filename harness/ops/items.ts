/**
 * The records and values that ops carry, as frozen-friendly data: they mirror the entity types of models/types.ts
 * but hold bytes as lowercase hex (a Uint8Array cannot be frozen), and big values may be seeded generator calls
 * that expand deterministically.
 */
import type { ExternalId, ResourceId } from '../../models/types';

/** Bytes as lowercase hex, two digits per byte. */
export type Hex = string;

/** A `google.protobuf.Any` with its value as hex. */
export interface AnnotationItem {
  readonly typeUrl: string;
  readonly value: Hex;
}

/** A ResourceType as an op carries it. */
export interface ResourceTypeItem {
  readonly id: string;
  readonly displayName?: string;
  readonly traits?: readonly number[];
  readonly annotations?: readonly AnnotationItem[];
  readonly description?: string;
  readonly sourcedExternally?: boolean;
}

/** A Resource as an op carries it. */
export interface ResourceItem {
  readonly id: ResourceId;
  readonly parentResourceId?: ResourceId;
  readonly displayName?: string;
  readonly annotations?: readonly AnnotationItem[];
  readonly description?: string;
  readonly batonResource?: boolean;
  readonly externalId?: ExternalId;
  readonly creationSource?: number;
}

/** An Entitlement as an op carries it. */
export interface EntitlementItem {
  readonly resource: ResourceItem;
  readonly id: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly grantableTo?: readonly ResourceTypeItem[];
  readonly annotations?: readonly AnnotationItem[];
  readonly purpose?: number;
  readonly slug?: string;
}

/** A Grant as an op carries it; `sources` are the keys of its GrantSources map. */
export interface GrantItem {
  readonly entitlement: EntitlementItem;
  readonly principal: ResourceItem;
  readonly id: string;
  readonly annotations?: readonly AnnotationItem[];
  readonly sources?: readonly string[];
}

/** Where a batch draws its ids from (see harness/generator/batch.ts). */
export const BATCH_POOLS = ['core', 'wide', 'unique'] as const;

/** One of the batch id pools. */
export type BatchPool = (typeof BATCH_POOLS)[number];

/** A seeded batch of `n` items; `poison` makes the last item invalid, so the whole call must write nothing. */
export interface BatchSpec {
  readonly seed: number;
  readonly n: number;
  readonly pool: BatchPool;
  readonly poison: boolean;
}

/** The items of a put: listed one by one, or a seeded batch. */
export type ItemSource<T> = { readonly items: readonly T[] } | { readonly batch: BatchSpec };

/** Bytes given as hex, or `size` seeded pseudo-random bytes. */
export type BytesRef = { readonly hex: Hex } | { readonly seed: number; readonly size: number };

/** A string given literally, or `size` characters of seeded JSON-like ASCII text (a big sync token). */
export type TextRef = { readonly text: string } | { readonly seed: number; readonly size: number };

/** A page token: literal text, or a symbol that the runner (or the executor's default) resolves. */
export type PageTokenRef = { readonly literal: string } | { readonly symbol: 'malformed' | 'foreign' };
