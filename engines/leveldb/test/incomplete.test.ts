import { leveldbFactory, LeveldbEngine } from '..';
import { isStorageError } from '../../../models/contract/errors';
import type { RawStore } from '../../../models/contract/raw';
import { createDb } from '../db';
import { Sandbox, rt } from './helpers';

async function openError(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    (e) => e,
    (x: unknown) => x,
  );
  if (err instanceof LeveldbEngine) {
    await err.close();
    return { code: 'OK', message: '' };
  }
  if (!isStorageError(err)) throw err;
  return { code: err.code, message: err.message };
}

describe('LevelDB incomplete stores (SPEC §6)', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await Sandbox.create();
  });
  afterEach(() => sb.cleanup());

  const note = { writer: 'import', source: '/data/src.c1z', resume: 'c1z-parity import /data/src.c1z --out x --resume' };

  it('refuses a store a bulk writer never finished, naming how to resume or remove it', async () => {
    const loc = sb.location('half');
    const writer = (await leveldbFactory.open(loc, { ...sb.options, bulkNote: note })) as LeveldbEngine;
    expect(writer.rawIncomplete()).toEqual(note);
    await writer.startNewSync();
    await writer.putResourceTypes([rt('user')]);
    await writer.endSync();
    await writer.close();

    const refused = await openError(leveldbFactory.open(loc, sb.options));
    expect(refused.code).toBe('CORRUPTION');
    expect(refused.message).toContain('an interrupted import of /data/src.c1z');
    expect(refused.message).toContain(`\`${note.resume}\``);
    expect(refused.message).toContain(`c1z-parity discard ${loc}`);

    const resumed = (await leveldbFactory.open(loc, { ...sb.options, openIncomplete: true })) as LeveldbEngine & RawStore;
    expect(resumed.rawIncomplete()).toEqual(note);
    expect((await resumed.rawSyncRuns()).map((r) => r.id)).toEqual(['s001']);
    await resumed.rawFinishBulk();
    expect(resumed.rawIncomplete()).toBeUndefined();
    await resumed.close();

    const whole = await leveldbFactory.open(loc, sb.options);
    expect((await whole.listSyncRuns()).items.map((r) => r.id)).toEqual(['s001']);
    await whole.close();
  });

  it('refuses a store whose creator died before its first write, and never changes it', async () => {
    const loc = sb.location('bare');
    const bare = createDb(loc);
    await bare.open();
    await bare.close();
    for (let i = 0; i < 2; i++) {
      const refused = await openError(leveldbFactory.open(loc, sb.options));
      expect(refused).toMatchObject({ code: 'CORRUPTION' });
      expect(refused.message).toContain('killed before its first write');
    }
    const inspect = (await leveldbFactory.open(loc, { ...sb.options, openIncomplete: true })) as LeveldbEngine;
    expect(inspect.rawIncomplete()).toMatchObject({ writer: 'create' });
    await inspect.close();
  });

  it('marks only stores it creates, and a new store without a note is complete at once', async () => {
    const loc = sb.location('plain');
    await (await leveldbFactory.open(loc, sb.options)).close();
    expect(await openError(leveldbFactory.open(loc, { ...sb.options, bulkNote: note }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await openError(leveldbFactory.open(loc, sb.options))).toMatchObject({ code: 'OK' });
  });

  it('a clone is complete when cloneSync returns', async () => {
    const src = await sb.open('src');
    await src.startNewSync();
    await src.putResourceTypes([rt('user')]);
    await src.endSync();
    await src.cloneSync('s001', sb.location('clone'));
    const clone = await sb.open('clone');
    expect((await clone.listSyncRuns()).items.map((r) => r.id)).toEqual(['s001']);
  });
});
