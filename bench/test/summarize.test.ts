import type { BenchResult } from '../result';
import type { RunSample } from '../run-workload';
import { engineFigures, workloadResult } from '../summarize';
import { renderMarkdownTable, renderTextTable } from '../table';
import type { Workload } from '../workload';

const sample = (ms: number, peakRss = 100 * 1024 * 1024): RunSample => ({
  ms,
  cpuMs: ms / 2,
  items: 1000,
  peakRss,
  startRss: 50,
  rssMethod: 'vmhwm',
  phases: { put: ms - 1, close: 1 },
});

const workload = (id: string, mode: 'pair' | 'all' = 'pair'): Workload => ({
  id,
  title: `title of ${id}`,
  unit: 'grants',
  mode,
  prepare: () => Promise.reject(new Error('not run in this test')),
});

describe('bench summaries', () => {
  it('reduces samples to medians, rates, the highest peak and phase medians', () => {
    const f = engineFigures([sample(30), sample(10, 300), sample(20)]);
    expect(f).toMatchObject({ medianMs: 20, cpuMedianMs: 10, minMs: 10, maxMs: 30, items: 1000, itemsPerSecond: 50_000, peakRssBytes: 100 * 1024 * 1024 });
    expect(f.phasesMedianMs).toEqual({ put: 19, close: 1 });
  });

  it('gives the LevelDB/SQLite ratio of medians, none for one engine, and keeps errors', () => {
    const both = workloadResult(workload('w'), 1.5, { workload: 'w', samples: { sqlite: [sample(10)], leveldb: [sample(25)] } });
    expect(both.ratio).toBe(2.5);
    const one = workloadResult(workload('w'), 1.5, { workload: 'w', samples: { leveldb: [sample(25)] } });
    expect(one.ratio).toBeUndefined();
    const failed = workloadResult(workload('w'), 1.5, new Error('boom'));
    expect(failed).toMatchObject({ error: 'boom', engines: {} });
  });

  it('renders every workload as a row of the text and Markdown tables', () => {
    const result = {
      scale: 'tiny',
      dataset: { grants: 1000, users: 95, groups: 10, roles: 5, apps: 2, entitlements: 21, recordsPerSync: 1137 },
      settings: { repetitions: 3 },
      machine: { platform: 'linux', release: '6', arch: 'x64', cpuModel: 'cpu', cpus: 2, totalMemoryBytes: 2 ** 34, loadAverageStart: [1, 2, 3], loadAverageEnd: [1, 2, 3] },
      versions: { node: '20' },
      durationSeconds: 12,
      workloads: [
        workloadResult(workload('a'), 1, { workload: 'a', samples: { sqlite: [sample(10)], leveldb: [sample(5)] } }),
        workloadResult(workload('b'), 1, new Error('it broke | badly')),
        workloadResult(workload('c', 'all'), 1, { workload: 'c', samples: { all: [sample(100)] } }),
      ],
    } as unknown as BenchResult;
    const text = renderTextTable(result);
    expect(text).toContain('title of a');
    expect(text).toContain('0.50×');
    expect(text).toContain('failed: it broke | badly');
    expect(text).toMatch(/title of c\s+1000 grants\s+100/);
    const md = renderMarkdownTable(result);
    expect(md.split('\n').filter((l) => l.startsWith('|'))).toHaveLength(2 + 3);
    expect(md).toContain('it broke \\| badly');
  });
});
