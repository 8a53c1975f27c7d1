/**
 * Smoke test of ops against the in-memory reference model: generated sequences of every preset execute without
 * throwing anything but coded outcomes, and a hand-written case gives the results the contract says.
 */
import fc from 'fast-check';
import type { Engine, EngineOptions } from '../../../models/contract/api';
import { ERROR_CODES } from '../../../models/contract/errors';
import { dropMemoryStore, memoryFactory } from '../../../models/reference';
import { CLOCK_BASE_MICROS, MAX_ASSET_BYTES, opsArbitrary, PRESETS } from '../../generator';
import { executeOp, isHarnessOp, parseOps, type Op, type Outcome } from '..';

/** A minimal runner: one engine, a logical clock, sequential sync ids, and clone destinations as registry names. */
class MiniRunner {
  private now = CLOCK_BASE_MICROS;
  private ids = 0;
  private readonly queued: string[] = [];
  private engine: Engine | undefined;
  readonly locations: string[];

  constructor(private readonly location: string) {
    this.locations = [location];
  }

  private readonly options: EngineOptions = {
    clock: () => this.now,
    newSyncId: () => this.queued.shift() ?? `s${String(++this.ids).padStart(4, '0')}`,
    maxAssetBytes: MAX_ASSET_BYTES,
  };

  private cloneLocation(name: string): string {
    const location = `${this.location}/${name}`;
    if (!this.locations.includes(location)) this.locations.push(location);
    return location;
  }

  async run(op: Op): Promise<Outcome | string> {
    if (this.engine === undefined) this.engine = await memoryFactory.open(this.location, this.options);
    if (!isHarnessOp(op)) {
      return executeOp(this.engine, op, { destination: (name) => this.cloneLocation(name) });
    }
    switch (op.kind) {
      case 'clock':
        this.now = op.mode === 'set' ? op.micros : this.now + op.micros;
        return `clock ${this.now}`;
      case 'reopen':
        if (!this.engine.closed) await this.engine.close();
        this.engine = await memoryFactory.open(this.location, this.options);
        return 'reopened';
      case 'readClone': {
        const clone = await memoryFactory.open(this.cloneLocation(op.destination), this.options);
        const page = await clone.listSyncRuns({ pageSize: 10000 });
        await clone.close();
        return `clone holds ${page.items.length} syncs`;
      }
      case 'nextSyncId':
        this.queued.push(op.id);
        return `next sync id ${op.id}`;
      case 'syncIds':
        return 'sync ids unchanged (this driver keeps its own)';
    }
  }

  dispose(): void {
    for (const location of this.locations) dropMemoryStore(location);
  }
}

let counter = 0;

async function runAll(ops: readonly Op[]): Promise<(Outcome | string)[]> {
  const runner = new MiniRunner(`ops-smoke-${++counter}`);
  try {
    const out: (Outcome | string)[] = [];
    for (const op of ops) out.push(await runner.run(op));
    return out;
  } finally {
    runner.dispose();
  }
}

describe('ops on the reference model', () => {
  test.each(Object.keys(PRESETS))('%s sequences run to coded outcomes', async (preset) => {
    const runs = fc.sample(opsArbitrary(preset, { maxOps: 40 }), { seed: 314, numRuns: preset === 'big-batches' ? 3 : 15 });
    for (const ops of runs) {
      for (const outcome of await runAll(ops)) {
        if (typeof outcome !== 'string' && !outcome.ok) expect(ERROR_CODES).toContain(outcome.code);
      }
    }
  });

  test('a hand-written case gives the contract results', async () => {
    const ops = parseOps(`
      putGrants                                     # an empty put is a no-op, even without a sync
      putGrants [g1 ent=[e1 res=group/g1] principal=user/u1]
      startNewSync
      putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] [g2 ent=[e1 res=group/g1] principal=user/u10]
      putGrants @batch(seed=1,n=100,pool=unique,poison=true)
      listGrantsForPrincipal user/u1 size=10
      putAsset a1 type="image/png" data=@bytes(seed=1,size=${MAX_ASSET_BYTES + 1})
      putAsset a1 type="image/png" data=0x0102
      getAsset a1
      listGrants token=malformed
      endSync
      cloneSync "" to=clone1
      readClone clone1
      cleanup keep=1.5
    `);
    const [empty, noSync, start, put, poisoned, list, tooBig, asset, read, malformed, end, clone, readClone, cleanup] = await runAll(ops);
    expect(empty).toEqual({ ok: true, value: undefined });
    expect(noSync).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(start).toEqual({ ok: true, value: 's0001' });
    expect(put).toEqual({ ok: true, value: undefined });
    expect(poisoned).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(list).toMatchObject({ ok: true, value: { items: [{ record: { id: 'g1' } }], nextPageToken: '' } });
    expect(tooBig).toMatchObject({ ok: false, code: 'ASSET_TOO_LARGE' });
    expect(asset).toEqual({ ok: true, value: undefined });
    expect(read).toMatchObject({ ok: true, value: { contentType: 'image/png', data: new Uint8Array([1, 2]) } });
    expect(malformed).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(end).toEqual({ ok: true, value: undefined });
    expect(clone).toEqual({ ok: true, value: undefined });
    expect(readClone).toBe('clone holds 1 syncs');
    expect(cleanup).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});
