import type { Engine, Page, PageRequest, Stored } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import type { Divergence } from '../compare';
import { dropMemoryStore, memoryFactory } from '../../models/reference';
import type { Grant, SyncRun } from '../../models/types';
import { TeeEngine } from './tee-engine';
import { grant, readAll, testOptions, wrapEngine } from './test/doubles';

let counter = 0;
const opened: string[] = [];

/** Opens a fresh memory engine under a unique registry name. */
async function memory(options = testOptions()): Promise<Engine> {
  const location = memoryFactory.locationIn('/tee-engine-test', `m${++counter}`);
  opened.push(location);
  return memoryFactory.open(location, options);
}

afterEach(() => {
  for (const l of opened.splice(0)) dropMemoryStore(l);
});

/** A tee over a memory engine and a second engine, collecting divergences. */
function tee(engines: Engine[]): { tee: TeeEngine; found: Divergence[] } {
  const found: Divergence[] = [];
  return { tee: new TeeEngine(engines, { sink: (d) => found.push(d) }), found };
}

/** Drops the last record of any listGrants page holding three or more. */
function dropsOneGrant(engine: Engine): Engine {
  return wrapEngine(engine, 'corrupt', {
    listGrants: async (req?: PageRequest): Promise<Page<Stored<Grant>>> => {
      const page = await engine.listGrants(req);
      return page.items.length >= 3 ? { ...page, items: page.items.slice(0, -1) } : page;
    },
  });
}

describe('TeeEngine', () => {
  it('reports a reader that drops a record, at the right op, and answers with the primary result', async () => {
    const { tee: t, found } = tee([await memory(), dropsOneGrant(await memory())]);
    await t.startNewSync(); // op 0
    await t.putGrants([grant('g1'), grant('g2', 'u2')]); // op 1
    expect((await t.listGrants()).items).toHaveLength(2); // op 2: two records, nothing dropped
    await t.putGrants([grant('g3', 'u3')]); // op 3
    const page = await t.listGrants({ pageSize: 10 }); // op 4
    expect(page.items.map((s) => s.record.id).sort()).toEqual(['g1', 'g2', 'g3']);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ code: 'result-mismatch', opIndex: 4, engines: ['memory', 'corrupt'], actual: [] });
    expect(d?.op).toBe('listGrants({"pageSize":10})');
    expect(d?.detail).toMatch(/^missing 1 \["g\d"\]; extra 0; changed 0$/);
    expect((d?.expected as { id: string }[]).map((r) => r.id)).toHaveLength(1);
  });

  it('finds nothing across a whole lifecycle of equal engines', async () => {
    const { tee: t, found } = tee([await memory(), await memory()]);
    const syncId = await t.startNewSync();
    await t.putResourceTypes([{ id: 'user' }]);
    await t.putResources([{ id: { resourceType: 'user', resource: 'u1' } }]);
    await t.putGrants([grant('g1'), grant('g2')]);
    await t.putAsset('a1', 'text/plain', new Uint8Array([104, 105]));
    await t.deleteGrant('g2');
    await t.checkpointSync('tok');
    expect(await t.currentSyncStep()).toBe('tok');
    await t.endSync();
    expect((await t.getGrant('g1')).record.id).toBe('g1');
    expect((await t.stats()).grants).toBe(1);
    expect((await t.getSync(syncId)).endedAt).toBeDefined();
    expect(await readAll((await t.getAsset('a1')).data)).toEqual(Buffer.from('hi'));
    expect((await t.listSyncRuns()).items).toHaveLength(1);
    expect((await t.verify()).ok).toBe(true);
    expect(found).toEqual([]);
  });

  it('rethrows the primary error and compares error codes', async () => {
    const secondary = await memory();
    const quiet = wrapEngine(secondary, 'lenient', { deleteGrant: () => Promise.resolve() });
    const { tee: t, found } = tee([await memory(), quiet]);
    await expect(t.getGrant('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(found).toEqual([]);
    await expect(t.deleteGrant('g1')).rejects.toBeInstanceOf(StorageError);
    expect(found).toEqual([
      {
        code: 'error-mismatch',
        opIndex: 1,
        op: 'deleteGrant("g1")',
        engines: ['memory', 'lenient'],
        expected: { error: 'FAILED_PRECONDITION' },
        actual: null,
        detail: 'FAILED_PRECONDITION vs a result',
      },
    ]);
  });

  it('reports a page token that repeats forever as an invariant, and terminates', async () => {
    const secondary = await memory();
    const looping = wrapEngine(secondary, 'looping', {
      listSyncRuns: async (req?: PageRequest): Promise<Page<SyncRun>> => {
        const page = await secondary.listSyncRuns({ pageSize: req?.pageSize ?? 0 });
        return { items: page.items.slice(0, 1), nextPageToken: 'again' };
      },
    });
    const { tee: t, found } = tee([await memory(), looping]);
    await t.startNewSync();
    await t.endSync();
    await t.startNewSync();
    const page = await t.listSyncRuns({ pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(found.map((d) => [d.code, d.engines[1], d.opIndex])).toEqual([
      ['invariant', 'looping', 3],
      ['result-mismatch', 'looping', 3],
    ]);
    expect(found[0]?.detail).toBe('duplicate: page 1: identity "s1" listed again');
    expect(found[1]?.detail).toBe('missing 1 ["s2"]; extra 0; changed 0');
  });

  it('drains only on a first page and answers later pages from the primary alone', async () => {
    const secondary = await memory();
    let secondaryCalls = 0;
    const counting = wrapEngine(secondary, 'counting', {
      listGrants: (req?: PageRequest) => {
        secondaryCalls += 1;
        return secondary.listGrants(req);
      },
    });
    const { tee: t, found } = tee([await memory(), counting]);
    await t.startNewSync();
    await t.putGrants([grant('g1'), grant('g2'), grant('g3')]);
    const first = await t.listGrants({ pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(secondaryCalls).toBe(2);
    const second = await t.listGrants({ pageSize: 2, pageToken: first.nextPageToken });
    expect(second.items).toHaveLength(1);
    expect(second.nextPageToken).toBe('');
    expect(secondaryCalls).toBe(2);
    expect(found).toEqual([]);
  });

  it('compares asset bytes and answers with a stream that can be read more than once', async () => {
    const secondary = await memory();
    const flipping = wrapEngine(secondary, 'flipping', {
      getAsset: async (id: string) => {
        const a = await secondary.getAsset(id);
        const bytes = await readAll(a.data);
        bytes[0] = (bytes[0] ?? 0) ^ 1;
        return { ...a, data: (async function* () { yield bytes; })() };
      },
    });
    const { tee: t, found } = tee([await memory(), flipping]);
    await t.startNewSync();
    await t.putAsset('a1', 'application/octet-stream', new Uint8Array([0x10, 0x20]));
    const read = await t.getAsset('a1');
    expect(await readAll(read.data)).toEqual(Buffer.from([0x10, 0x20]));
    expect(await readAll(read.data)).toEqual(Buffer.from([0x10, 0x20]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'result-mismatch', expected: { data: '1020' }, actual: { data: '1120' } });
  });

  it('ANDs supports, ORs dirty, and is closed once every engine is', async () => {
    const plain = await memory();
    const noClone = wrapEngine(await memory(), 'noclone', { supports: { ...plain.supports, clone: false } });
    const { tee: t } = tee([plain, noClone]);
    expect(t.supports).toEqual({ ...plain.supports, clone: false });
    expect(t.dirty).toBe(false);
    await t.startNewSync();
    expect(t.dirty).toBe(true);
    await t.close();
    expect(t.closed).toBe(true);
    await expect(t.stats()).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('labels engines that share a name by index and refuses an empty set', async () => {
    const { tee: t } = tee([await memory(), await memory()]);
    expect(t.labels).toEqual(['memory#0', 'memory#1']);
    expect(() => new TeeEngine([], { sink: () => undefined })).toThrow(StorageError);
  });

  it('passes an empty clone destination through, so every engine rejects it', async () => {
    const { tee: t, found } = tee([await memory(), await memory()]);
    await t.startNewSync();
    await t.endSync();
    await expect(t.cloneSync('', '')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(found).toEqual([]);
    expect(t.destinationFor('/x/clone', 1)).toBe('/x/clone.1-memory');
  });
  it('runs a lockstep call with per-engine arguments through the same comparison, and returns every member', async () => {
    const { tee: t, found } = tee([await memory(), dropsOneGrant(await memory())]);
    await t.startNewSync();
    await t.putGrants([grant('g1'), grant('g2', 'u2'), grant('g3', 'u3')]);
    const seen: number[] = [];
    const ctx = { opIndex: 7, op: 'listGrants size=10', method: 'listGrants' };
    const r = await t.lockstep({
      ctx,
      invoke: (e, i) => {
        seen.push(i);
        return e.listGrants({ pageSize: 10 });
      },
      nextPage: (e, _i, pageToken) => e.listGrants({ pageSize: 10, pageToken }),
      pageSize: 10,
    });
    expect(seen).toEqual([0, 1]);
    expect(r.members.map((m) => m.engine)).toEqual(['memory', 'corrupt']);
    expect(r.members.map((m) => (m.value as { items: unknown[] }).items.length)).toEqual([3, 2]);
    expect(r.divergences).toEqual(found.slice(-1));
    expect(r.divergences[0]).toMatchObject({ code: 'result-mismatch', opIndex: 7, op: 'listGrants size=10', engines: ['memory', 'corrupt'] });
    expect(t.opCount).toBe(2);
    const quiet = await t.lockstep({ ctx, invoke: (e) => e.listGrants(), nextPage: (e, _i, pageToken) => e.listGrants({ pageToken }), compare: false });
    expect(quiet.divergences).toEqual([]);
    expect(found).toHaveLength(1);
  });
});
