import { createDb } from '../db';
import { decodeKey, encodeOrderedInt } from '../keys';
import { FORMAT_MARKER_KEY, Kind, key, range } from '../layout';
import { MARKER_VALUE, REVISION_1_MARKER } from '../upgrade-sync-index';
import { decodeSyncRun } from '../values';
import { drain, Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await Sandbox.create();
});
afterEach(async () => {
  await sb.cleanup();
});

/** Rewrites a store as layout revision 1 wrote it: sync index ids as UTF-16BE, the revision-1 marker. */
async function downgrade(location: string): Promise<void> {
  const db = createDb(location);
  await db.open();
  const r = range(Kind.syncByStart);
  const batch = db.batch();
  for (const [k] of await db.iterator({ gte: r.gte, lt: r.lt }).all()) batch.del(k);
  for (const [k, v] of await db.iterator(range(Kind.syncRun)).all()) {
    const id = (decodeKey(k).parts[0] as Buffer).toString('utf8');
    const run = decodeSyncRun(id, v);
    batch.put(key(Kind.syncByStart, encodeOrderedInt(run.startedAt), Buffer.from(id, 'utf16le').swap16()), Buffer.alloc(0));
  }
  batch.put(FORMAT_MARKER_KEY, REVISION_1_MARKER);
  await batch.write();
  await db.close();
}

describe('leveldb engine: layout revision 1 stores', () => {
  it('are upgraded on open: the sync index is rebuilt in UTF-8 byte order and the marker rewritten', async () => {
    const ids = ['\u{1F600}', '\uE000', 'b'];
    sb.queued.push(...ids);
    const e = await sb.open();
    for (const _ of ids) await e.startNewSync().then(() => e.endSync());
    await e.close();
    await downgrade(sb.location());
    const r = await sb.open();
    expect((await drain((t) => r.listSyncRuns({ pageSize: 1, pageToken: t }))).map((x) => x.id)).toEqual(['b', '\uE000', '\u{1F600}']);
    expect((await r.verify()).problems).toEqual([]);
    await r.close();
    const db = createDb(sb.location());
    await db.open();
    expect(db.getSync(FORMAT_MARKER_KEY)).toEqual(MARKER_VALUE);
    await db.close();
  });
});
