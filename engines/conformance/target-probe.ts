/** Syncs marked by one resource and one asset, and a probe that tells which marked sync every reader sees. */
import type { Engine, GetOptions } from '../../models/contract/api';
import { expectCode } from './expect-code';
import { readAsset } from './read-asset';
import { keys, res, rid, rt } from './records';
import type { TestStore } from './test-store';
import { writeSync, type WriteSyncOptions } from './write-sync';

/** Writes a sync holding resource `user/<marker>`, resource type `<marker>` and asset `asset` of type `text/<marker>`. */
export function markedSync(s: TestStore, marker: string, opts: WriteSyncOptions = {}): Promise<string> {
  return writeSync(
    s,
    {
      resourceTypes: [rt(marker)],
      resources: [res('user', marker)],
      assets: [{ id: 'asset', contentType: `text/${marker}`, data: Buffer.from(marker) }],
    },
    opts,
  );
}

/** Asserts that lists, gets, getAsset and stats all read the sync marked `marker`, or nothing (rule 6) when undefined. */
export async function expectTarget(e: Engine, marker: string | undefined, opts: GetOptions = {}): Promise<void> {
  const scope = opts.syncId === undefined ? {} : { syncId: opts.syncId };
  const listed = keys((await e.listResources(scope)).items);
  const types = keys((await e.listResourceTypes(scope)).items);
  const stats = await e.stats(opts.syncId);
  if (marker === undefined) {
    expect({ listed, types, stats }).toEqual({
      listed: [],
      types: [],
      stats: { resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} },
    });
    await expectCode(e.getAsset('asset', scope), 'NOT_FOUND');
    await expectCode(e.getResourceType('a', scope), 'NOT_FOUND');
    return;
  }
  expect({ listed, types, resources: stats.resources, assets: stats.assets }).toEqual({
    listed: [`user:${marker}`],
    types: [marker],
    resources: 1,
    assets: 1,
  });
  expect((await e.getResource(rid('user', marker), scope)).record.id.resource).toBe(marker);
  expect((await readAsset(e, 'asset', scope)).contentType).toBe(`text/${marker}`);
}
