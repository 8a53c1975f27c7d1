import { fuzz } from '../harness/runner/fuzz';
test('smoke', async () => {
  const t0 = performance.now();
  const r = await fuzz({ seed: 1, preset: 'default', engines: (process.env.E ?? 'memory').split(',') as never, runs: 5, elapsedMs: () => performance.now() - t0 });
  console.log(JSON.stringify({ runs: r.runs, ops: r.ops, digest: r.historyDigest, ms: r.elapsedMs, div: r.divergences.slice(0, 3), fail: r.failure && { ops: r.failure.ops.length, path: r.failure.path } }, null, 1));
}, 300000);
