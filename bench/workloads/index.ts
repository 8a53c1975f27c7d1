/** Every workload of the benchmark, in the order the table lists them. */
import type { Workload } from '../workload';
import { harnessAll, harnessPair } from './harness';
import { putGrants, putGrantsIfNewer } from './put';
import { drainAll, drainByEntitlement, drainByPrincipal, drainByResource, drainByResourceType, getGrants, openClose, pageSmall } from './reads';
import { exportC1z, importC1z } from './transfer';
import { cleanup, clone, diff } from './whole-sync';

/** The workloads in table order. */
export const WORKLOADS: readonly Workload[] = [
  putGrants,
  putGrantsIfNewer,
  getGrants,
  drainAll,
  drainByResource,
  drainByPrincipal,
  drainByEntitlement,
  drainByResourceType,
  pageSmall,
  openClose,
  cleanup,
  diff,
  clone,
  importC1z,
  exportC1z,
  harnessPair,
  harnessAll,
];

/** The workload with this id, or undefined. */
export function workloadById(id: string): Workload | undefined {
  return WORKLOADS.find((w) => w.id === id);
}
