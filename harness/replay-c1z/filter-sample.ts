/**
 * Filter values sampled while a list streams past: a bottom-k sample (the `max` distinct values with the smallest
 * hashes) is deterministic, spread over the whole value space, and needs O(max) memory however large the sync is.
 */
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../models/types';
import type { FilterValues } from '../runner/snapshot-filters';
import { hashText } from './record-digest';

const SEP = '\u0000';

/** Keeps the `max` distinct strings with the smallest hashes. */
export class BottomK {
  private readonly kept = new Map<string, number>();
  private worst = -1;

  constructor(private readonly max: number) {}

  /** Offers one value. */
  offer(value: string): void {
    if (this.max <= 0 || this.kept.has(value)) return;
    const h = hashText(value);
    if (this.kept.size < this.max) {
      this.kept.set(value, h);
      this.worst = Math.max(this.worst, h);
      return;
    }
    if (h >= this.worst) return;
    this.kept.set(value, h);
    // Evict the largest hash; max is small (the filter-value bound), so a linear scan is cheap enough.
    let worstKey = '';
    let worst = -1;
    for (const [k, v] of this.kept) if (v > worst) [worstKey, worst] = [k, v];
    this.kept.delete(worstKey);
    worst = -1;
    for (const v of this.kept.values()) worst = Math.max(worst, v);
    this.worst = worst;
  }

  /** The sampled values, sorted. */
  values(): string[] {
    return [...this.kept.keys()].sort();
  }
}

const ridKey = (id: ResourceId | undefined): string | undefined => (id === undefined ? undefined : `${id.resourceType ?? ''}${SEP}${id.resource ?? ''}`);
const fromKey = (key: string): ResourceId => {
  const [resourceType = '', resource = ''] = key.split(SEP);
  return { resourceType, resource };
};

/** Samples the filter values of one sync from its records as they stream past. */
export class FilterSampler {
  private readonly typeIds: BottomK;
  private readonly parentIds: BottomK;
  private readonly resourceIds: BottomK;
  private readonly entitlementIds: BottomK;
  private readonly principalIds: BottomK;

  constructor(max: number) {
    [this.typeIds, this.parentIds, this.resourceIds, this.entitlementIds, this.principalIds] = Array.from({ length: 5 }, () => new BottomK(max)) as [BottomK, BottomK, BottomK, BottomK, BottomK];
  }

  private offerId(sample: BottomK, id: ResourceId | undefined): void {
    const k = ridKey(id);
    if (k !== undefined) sample.offer(k);
  }

  /** Offers the filter values one listed record carries. */
  offer(kind: string, record: unknown): void {
    switch (kind) {
      case 'resourceType':
        if (typeof (record as ResourceType).id === 'string') this.typeIds.offer((record as ResourceType).id);
        return;
      case 'resource': {
        const r = record as Resource;
        if (typeof r.id?.resourceType === 'string') this.typeIds.offer(r.id.resourceType);
        this.offerId(this.parentIds, r.parentResourceId);
        return;
      }
      case 'entitlement':
        this.offerId(this.resourceIds, (record as Entitlement).resource?.id);
        return;
      case 'grant': {
        const g = record as Grant;
        this.offerId(this.resourceIds, g.entitlement?.resource?.id);
        if (typeof g.entitlement?.id === 'string') this.entitlementIds.offer(g.entitlement.id);
        this.offerId(this.principalIds, g.principal?.id);
        if (typeof g.principal?.id?.resourceType === 'string') this.typeIds.offer(g.principal.id.resourceType);
        return;
      }
      default:
    }
  }

  /** The sampled values, each list with one near miss (one more character) that must match nothing extra. */
  values(): FilterValues {
    const withMiss = (v: string[]): string[] => (v[0] === undefined ? v : [...v, `${v[0]}0`]);
    const ids = (s: BottomK): ResourceId[] => withMiss(s.values()).map(fromKey);
    return {
      typeIds: withMiss(this.typeIds.values()).filter((t) => t !== ''),
      parentIds: ids(this.parentIds).filter((r) => r.resourceType !== '' && r.resource !== ''),
      resourceIds: ids(this.resourceIds).filter((r) => r.resourceType !== '' && r.resource !== ''),
      entitlementIds: withMiss(this.entitlementIds.values()).filter((e) => e !== ''),
      principalIds: ids(this.principalIds).filter((r) => r.resourceType !== '' && r.resource !== ''),
    };
  }
}
