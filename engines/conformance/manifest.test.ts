/**
 * The `supports` manifest: each engine declares what the suite expects of it, so a capability switched off by mistake
 * cannot silently skip the tests it gates (DESIGN convention 10: a new engine does not compile until listed here).
 */
import type { Supports } from '../../models/contract/api';
import type { EngineName } from './engines';
import { describeEachEngine } from './harness';

/** The capabilities that gate conformance tests, per engine. */
const GATING: Record<EngineName, Pick<Supports, 'reopen' | 'clone' | 'persistence'>> = {
  memory: { persistence: true, reopen: true, clone: true },
  sqlite: { persistence: true, reopen: true, clone: true },
  leveldb: { persistence: true, reopen: true, clone: true },
  tee: { persistence: true, reopen: true, clone: true },
};

describeEachEngine('supports manifest', (ctx) => {
  it('declares the gating capabilities the suite expects, the same on the factory and on an open engine', async () => {
    const s = await ctx.fresh();
    const { persistence, reopen, clone } = ctx.factory.supports;
    expect({ persistence, reopen, clone }).toEqual(GATING[ctx.name]);
    expect(s.engine.supports).toEqual(ctx.factory.supports);
    expect(s.engine.name).toBe(ctx.factory.name);
    expect({ dirty: s.engine.dirty, closed: s.engine.closed }).toEqual({ dirty: false, closed: false });
  });
});
