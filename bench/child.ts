/**
 * The entry point of a workload process: `node child.js '<WorkloadSpec JSON>'` runs one workload and prints its
 * WorkloadReport as one JSON line. Each workload gets its own process, so no workload's heap or caches inflate the
 * next one's memory peak or time.
 */
import { runWorkload, type WorkloadSpec } from './run-workload';

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? 'null') as WorkloadSpec | null;
  if (spec === null) throw new Error('usage: child.js <WorkloadSpec JSON>');
  const report = await runWorkload(spec);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench workload failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
