/**
 * The harness must catch a deliberately broken engine: a wrapper that drops one grant from listGrantsForPrincipal
 * in a rare case (the last page holds at least three grants). The session finds it, shrinks it, and renders a report
 * whose last line replays it.
 */
import { writeFileSync } from 'node:fs';
import type { Engine, Page, Stored } from '../../models/contract/api';
import type { Grant } from '../../models/types';
import { renderText } from '../report';
import { fuzz } from './fuzz';
import { sessionReport } from './session-report';

/** Wraps an engine so that listGrantsForPrincipal loses the last grant of a last page of three or more. */
function dropOneGrant(name: string, engine: Engine): Engine {
  if (name !== 'leveldb') return engine;
  return new Proxy(engine, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop !== 'listGrantsForPrincipal' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const page = (await (value as (...a: unknown[]) => Promise<Page<Stored<Grant>>>).apply(target, args)) as Page<Stored<Grant>>;
        if (page.nextPageToken !== '' || page.items.length < 3) return page;
        return { items: page.items.slice(0, -1), nextPageToken: '' };
      };
    },
  });
}

test('a rare wrong reader is found, shrunk and reported with a repro line', async () => {
  const started = performance.now();
  const info = { runId: 'broken-engine-test', seed: 7, preset: 'default', engines: ['memory', 'leveldb'] as const };
  const result = await fuzz({ seed: 7, preset: 'default', engines: ['memory', 'leveldb'], runs: 60, wrap: dropOneGrant, elapsedMs: () => performance.now() - started, shrinkMs: 30_000 });
  expect(result.failure).toBeDefined();
  const failure = result.failure!;
  expect(failure.ops.length).toBeLessThanOrEqual(failure.originalOps);
  const d = result.divergences[0]!;
  // Either the comparison with the model or leveldb's own paging invariant may see it first.
  expect(d.engines).toContain('leveldb');
  expect(`${d.op} ${d.detail ?? ''}`).toMatch(/listGrantsForPrincipal/);
  const text = renderText(sessionReport({ ...info, engines: [...info.engines] }, result));
  for (const section of ['SEED', 'ENGINES', 'DIVERGENCE', 'OPS', 'HISTORY']) expect(text).toContain(`\n${section}\n`);
  if (process.env.REPORT_OUT) writeFileSync(process.env.REPORT_OUT, text);
  const lastLine = text.trimEnd().split('\n').pop();
  expect(lastLine).toBe(`npx c1z-parity repro --seed ${failure.runSeed} --path ${failure.path} --preset default --engines memory,leveldb`);
}, 240_000);
