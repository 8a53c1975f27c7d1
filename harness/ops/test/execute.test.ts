import type { Engine } from '../../../models/contract/api';
import { StorageError } from '../../../models/contract/errors';
import { expandBatch } from '../../generator/batch';
import { expandBytes } from '../../generator/seeded';
import { DEFAULT_FOREIGN_PAGE_TOKEN, MALFORMED_PAGE_TOKEN, executeOp, parseOp, type ExecuteContext } from '..';

interface Call {
  readonly method: string;
  readonly args: unknown[];
}

/** An object with the Engine's methods that records every call and answers from `answers` (a value or a throw). */
function recorder(answers: Record<string, (...args: unknown[]) => unknown> = {}): { engine: Engine; calls: Call[] } {
  const calls: Call[] = [];
  const engine = new Proxy({} as Engine, {
    get(_target, prop) {
      if (typeof prop !== 'string') return undefined;
      return async (...args: unknown[]) => {
        calls.push({ method: prop, args });
        const answer = answers[prop];
        return answer === undefined ? `${prop} result` : answer(...args);
      };
    },
  });
  return { engine, calls };
}

async function callOf(line: string, ctx?: ExecuteContext): Promise<Call> {
  const { engine, calls } = recorder();
  const outcome = await executeOp(engine, parseOp(line), ctx);
  expect(outcome).toEqual({ ok: true, value: expect.anything() });
  expect(calls).toHaveLength(1);
  return calls[0] as Call;
}

describe('executeOp', () => {
  test.each([
    ['startNewSync', 'startNewSync', [{}]],
    ['startNewSync type=partial parent=s0001', 'startNewSync', [{ type: 'partial', parentSyncId: 's0001' }]],
    ['startSync', 'startSync', []],
    ['setCurrentSync s0002', 'setCurrentSync', ['s0002']],
    ['currentSyncStep', 'currentSyncStep', []],
    ['checkpointSync "{}"', 'checkpointSync', ['{}']],
    ['endSync', 'endSync', []],
    ['deleteGrant g1', 'deleteGrant', ['g1']],
    ['listResourceTypes', 'listResourceTypes', [{}]],
    ['listResources type=user parent=group/g1 sync="" size=0', 'listResources', [{ resourceTypeId: 'user', parentResourceId: { resourceType: 'group', resource: 'g1' }, syncId: '', pageSize: 0 }]],
    ['listEntitlements resource=group/g1', 'listEntitlements', [{ resource: { resourceType: 'group', resource: 'g1' } }]],
    ['listGrants token="abc"', 'listGrants', [{ pageToken: 'abc' }]],
    ['listGrantsForEntitlement e1 principal=user/u1 ptypes=(user)', 'listGrantsForEntitlement', [{ entitlementId: 'e1', principalId: { resourceType: 'user', resource: 'u1' }, principalResourceTypeIds: ['user'] }]],
    ['listGrantsForPrincipal user/u1 ent=e1', 'listGrantsForPrincipal', [{ principalId: { resourceType: 'user', resource: 'u1' }, entitlementId: 'e1' }]],
    ['listGrantsForResourceType user size=3', 'listGrantsForResourceType', [{ resourceTypeId: 'user', pageSize: 3 }]],
    ['listSyncRuns size=-1', 'listSyncRuns', [{ pageSize: -1 }]],
    ['getResourceType user', 'getResourceType', ['user', {}]],
    ['getResource user/u1 sync=s0001', 'getResource', [{ resourceType: 'user', resource: 'u1' }, { syncId: 's0001' }]],
    ['getEntitlement e1', 'getEntitlement', ['e1', {}]],
    ['getGrant g1', 'getGrant', ['g1', {}]],
    ['getSync s0001', 'getSync', ['s0001']],
    ['getLatestFinishedSync', 'getLatestFinishedSync', [undefined]],
    ['getLatestFinishedSync type=bogus', 'getLatestFinishedSync', ['bogus']],
    ['stats', 'stats', [undefined]],
    ['stats sync=s0003', 'stats', ['s0003']],
    ['generateSyncDiff s0001 s0002', 'generateSyncDiff', ['s0001', 's0002']],
    ['cloneSync "" to=clone1', 'cloneSync', ['', 'clone1']],
    ['viewSync ""', 'viewSync', ['']],
    ['cleanup', 'cleanup', [{}]],
    ['cleanup keep=0', 'cleanup', [{ keep: 0 }]],
    ['compact', 'compact', []],
    ['verify', 'verify', []],
    ['close', 'close', []],
  ])('%s calls %s', async (line, method, args) => {
    expect(await callOf(line)).toEqual({ method, args });
  });

  test('request objects carry no undefined-valued keys', async () => {
    const call = await callOf('listResources type=user');
    expect(Object.keys(call.args[0] as object)).toEqual(['resourceTypeId']);
  });

  test('puts turn items into records (hex into bytes) and pass ifNewer', async () => {
    const call = await callOf('putGrants [g1 ent=[e1 res=group/g1] principal=user/u1 ann=([t 0x00ff]) sources=(b a)] ifNewer');
    expect(call.method).toBe('putGrants');
    expect(call.args[1]).toEqual({ ifNewer: true });
    expect(call.args[0]).toEqual([
      {
        id: 'g1',
        entitlement: { id: 'e1', resource: { id: { resourceType: 'group', resource: 'g1' } } },
        principal: { id: { resourceType: 'user', resource: 'u1' } },
        annotations: [{ typeUrl: 't', value: new Uint8Array([0, 255]) }],
        sources: { sources: ['b', 'a'] },
      },
    ]);
    const types = await callOf('putResourceTypes [user traits=(1) ann=([x 0x])]');
    expect(types.args).toEqual([[{ id: 'user', traits: [1], annotations: [{ typeUrl: 'x', value: new Uint8Array(0) }] }], { ifNewer: false }]);
  });

  test('a batch expands to its seeded items', async () => {
    const call = await callOf('putEntitlements @batch(seed=5,n=300,pool=wide)');
    const items = call.args[0] as unknown[];
    expect(items).toHaveLength(300);
    expect(items).toEqual(expandBatch('putEntitlements', { seed: 5, n: 300, pool: 'wide', poison: false }));
  });

  test('putAsset passes bytes, seeded or hex', async () => {
    expect((await callOf('putAsset a1 type=t data=0x0102')).args).toEqual(['a1', 't', new Uint8Array([1, 2])]);
    const seeded = await callOf('putAsset a1 type=t data=@bytes(seed=3,size=4097)');
    expect(seeded.args[2]).toEqual(expandBytes(3, 4097));
    expect((seeded.args[2] as Uint8Array).length).toBe(4097);
  });

  test('symbolic tokens resolve through the context, else to the defaults', async () => {
    expect((await callOf('listGrants token=malformed')).args).toEqual([{ pageToken: MALFORMED_PAGE_TOKEN }]);
    expect((await callOf('listGrants token=foreign')).args).toEqual([{ pageToken: DEFAULT_FOREIGN_PAGE_TOKEN }]);
    const seen: string[] = [];
    const ctx: ExecuteContext = {
      pageToken: (symbol, op) => {
        seen.push(`${symbol} ${op.kind}`);
        return symbol === 'foreign' ? 'from-another-query' : undefined;
      },
    };
    expect((await callOf('listSyncRuns token=foreign', ctx)).args).toEqual([{ pageToken: 'from-another-query' }]);
    expect((await callOf('listSyncRuns token=malformed', ctx)).args).toEqual([{ pageToken: MALFORMED_PAGE_TOKEN }]);
    expect(seen).toEqual(['foreign listSyncRuns', 'malformed listSyncRuns']);
  });

  test('clone destinations map through the context, except the empty one', async () => {
    const ctx: ExecuteContext = { destination: (name) => `/tmp/x/${name}` };
    expect((await callOf('cloneSync s0001 to=clone1', ctx)).args).toEqual(['s0001', '/tmp/x/clone1']);
    expect((await callOf('cloneSync s0001 to=""', ctx)).args).toEqual(['s0001', '']);
  });

  test('getAsset drains the stream into plain bytes', async () => {
    async function* chunks(): AsyncIterable<Uint8Array> {
      yield new Uint8Array([1, 2]);
      yield Buffer.from([3]);
      yield new Uint8Array(0);
    }
    const { engine } = recorder({ getAsset: () => ({ contentType: 'x', discoveredAt: 7, data: chunks() }) });
    const outcome = await executeOp(engine, parseOp('getAsset a1'));
    expect(outcome).toEqual({ ok: true, value: { contentType: 'x', discoveredAt: 7, data: new Uint8Array([1, 2, 3]) } });
    if (!outcome.ok) throw new Error('expected success');
    expect(Object.getPrototypeOf((outcome.value as { data: Uint8Array }).data)).toBe(Uint8Array.prototype);
  });

  test('a StorageError becomes its code, thrown at call time or while draining', async () => {
    const { engine } = recorder({
      getGrant: () => {
        throw new StorageError('NOT_FOUND', 'no grant');
      },
      getAsset: () => ({
        contentType: 'x',
        discoveredAt: 1,
        data: (async function* () {
          yield new Uint8Array([1]);
          throw new StorageError('IO', 'disk gone');
        })(),
      }),
    });
    expect(await executeOp(engine, parseOp('getGrant g1'))).toEqual({ ok: false, code: 'NOT_FOUND', message: 'NOT_FOUND: no grant' });
    expect(await executeOp(engine, parseOp('getAsset a1'))).toMatchObject({ ok: false, code: 'IO' });
  });

  test('anything else thrown is a bug and is re-thrown', async () => {
    const { engine } = recorder({
      endSync: () => {
        throw new TypeError('boom');
      },
    });
    await expect(executeOp(engine, parseOp('endSync'))).rejects.toThrow(TypeError);
  });

  test('harness ops are refused', async () => {
    const { engine, calls } = recorder();
    for (const line of ['clock step 1', 'reopen', 'readClone clone1']) {
      await expect(executeOp(engine, parseOp(line))).rejects.toThrow(/harness op/);
    }
    expect(calls).toEqual([]);
  });
});
