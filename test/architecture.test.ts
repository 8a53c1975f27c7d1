/**
 * The layer rules of .dependency-cruiser.js bite: a temp copy of the sources with forbidden imports planted in it fails
 * `npm run deps` (scripts/check-deps.js) with one line per import naming the rule and its reason.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.join(__dirname, '..');
const checkDeps = path.join(repo, 'scripts', 'check-deps.js');

/** A forbidden import per rule: the file planted, its source, and the rule it must break. */
const PLANTED: ReadonlyArray<{ file: string; source: string; rule: string }> = [
  { file: 'models/contract/planted.ts', source: "import '../../engines/sqlite';\n", rule: 'contract-knows-nothing-above' },
  { file: 'models/reference/planted.ts', source: "import '../../engines/base/page-token';\n", rule: 'model-knows-no-engine' },
  { file: 'engines/tee/planted.test.ts', source: "import '../../harness/ops';\n", rule: 'engines-know-no-harness' },
  { file: 'engines/leveldb/planted.ts', source: "import '../sqlite';\n", rule: 'engine-knows-no-other-engine' },
  { file: 'engines/tee/planted.ts', source: "import '../leveldb';\n", rule: 'tee-knows-no-concrete-engine' },
  { file: 'engines/compare/planted.ts', source: "import '../tee';\n", rule: 'compare-below-tee' },
  { file: 'engines/metrics/planted.ts', source: "import '../registry/open-store';\n", rule: 'registry-above-engines' },
  { file: 'harness/runner/planted.ts', source: "import '../../engines/conformance/engines';\n", rule: 'conformance-is-a-test-layer' },
  { file: 'harness/corpus/planted.ts', source: "import '../cli/io';\n", rule: 'only-the-cli-imports-the-cli' },
  { file: 'harness/cli/planted.ts', source: "import '../../bench/scales';\n", rule: 'nothing-imports-bench' },
];

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'c1z-layers-'));
  for (const entry of ['engines', 'models', 'harness', 'bench', 'test', 'tsconfig.json', 'package.json', '.dependency-cruiser.js']) {
    cpSync(path.join(repo, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

function deps(...targets: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [checkDeps, ...targets], { cwd: copy, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

it('passes on the sources as they are, then fails with one line per planted forbidden import', () => {
  const clean = deps(...PLANTED.map((p) => path.dirname(p.file)));
  expect(clean.stderr).toBe('');
  expect(clean.stdout).toMatch(/^deps: no forbidden import/);
  expect(clean.status).toBe(0);

  for (const p of PLANTED) writeFileSync(path.join(copy, p.file), p.source);
  const run = deps(...PLANTED.map((p) => p.file));
  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split('\n');
  for (const p of PLANTED) {
    const line = lines.find((l) => l.startsWith(`deps: ${p.file} imports `));
    expect(line).toMatch(new RegExp(`: .+ \\(rule ${p.rule}\\)$`));
  }
  expect(lines).toHaveLength(PLANTED.length + 1);
  expect(lines.at(-1)).toBe(`deps: ${PLANTED.length} forbidden import(s); the layers are in docs/architecture.md`);
});
