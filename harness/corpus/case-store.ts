/**
 * Corpus cases on disk: `corpus/<name>/ops` (canonical op text under a comment header) and `corpus/<name>/meta.json`.
 * Saving the same case twice writes it once; loading checks both files and names the one that is wrong.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../../engines/compare';
import { formatOps, OpParseError, parseOpsWithExpected, type Op } from '../ops';
import { caseName } from './case-name';
import { CorpusError, parseCaseMeta, type CaseMeta } from './case-meta';

/** A case as loaded: its folder, name (the folder's), ops, their expected results and meta. */
export interface CorpusCase {
  readonly dir: string;
  readonly name: string;
  readonly ops: readonly Op[];
  /** Per op, the result its `=> <result>` line expects (undefined when the ops file states none). */
  readonly expected: readonly (string | undefined)[];
  readonly meta: CaseMeta;
}

/** What saving needs: the ops and every meta field but the name (derived from the divergence unless given). */
export interface SaveCaseInput {
  readonly ops: readonly Op[];
  readonly meta: Omit<CaseMeta, 'name'>;
  readonly name?: string;
}

/** The command that replays a case folder, relative to `cwd` when inside it. */
export function caseReproCommand(dir: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, dir);
  const shown = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
  return `npx c1z-parity repro ${/^[A-Za-z0-9_./-]+$/.test(shown) ? shown : JSON.stringify(shown)}`;
}

/** The ops file text: a comment header (name, why, how to replay), then one op per line. */
export function opsFileText(name: string, why: string, ops: readonly Op[]): string {
  const whyLines = why.split('\n').map((l) => `# ${l}`.trimEnd());
  return [`# c1z-parity corpus case ${name}`, ...whyLines, `# replay: npx c1z-parity repro corpus/${name}`, '', formatOps(ops)].join('\n');
}

/** Saves a case under `corpusDir`; returns its folder and whether it was new (an equal case already saved is kept). */
export async function saveCase(corpusDir: string, input: SaveCaseInput): Promise<{ dir: string; name: string; created: boolean }> {
  const text = formatOps(input.ops);
  const divergence = input.meta.divergence;
  if (input.name === undefined && divergence === null) throw new CorpusError('a case saved without a divergence needs a name');
  const name = input.name ?? caseName(divergence as NonNullable<typeof divergence>, text);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new CorpusError(`case name ${JSON.stringify(name)} must be letters, digits, '.', '_' and '-'`);
  const dir = path.join(corpusDir, name);
  try {
    const existing = await loadCase(dir);
    if (formatOps(existing.ops) === text) return { dir, name, created: false };
    throw new CorpusError(`${dir} already holds a different case`);
  } catch (err) {
    if (!(err instanceof CorpusError && err.missing)) throw err;
  }
  await fs.mkdir(dir, { recursive: true });
  const meta: CaseMeta = { name, ...input.meta };
  await fs.writeFile(path.join(dir, 'ops'), opsFileText(name, meta.why, input.ops), 'utf8');
  await fs.writeFile(path.join(dir, 'meta.json'), `${canonicalJson(meta, 2)}\n`, 'utf8');
  return { dir, name, created: true };
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CorpusError(`${file}: ${missing ? 'missing' : (err as Error).message}`, missing);
  }
}

/** Loads the case in `dir`; throws CorpusError (with `missing` set when a file is absent). */
export async function loadCase(dir: string): Promise<CorpusCase> {
  const opsFile = path.join(dir, 'ops');
  const metaFile = path.join(dir, 'meta.json');
  const text = await readText(opsFile);
  let parsed: { ops: Op[]; expected: (string | undefined)[] };
  try {
    parsed = parseOpsWithExpected(text);
  } catch (err) {
    if (err instanceof OpParseError) throw new CorpusError(`${opsFile}: ${err.message}`);
    throw err;
  }
  let data: unknown;
  try {
    data = JSON.parse(await readText(metaFile));
  } catch (err) {
    if (err instanceof SyntaxError) throw new CorpusError(`${metaFile}: ${err.message}`);
    throw err;
  }
  return { dir, name: path.basename(path.resolve(dir)), ops: parsed.ops, expected: parsed.expected, meta: parseCaseMeta(data, metaFile) };
}

/** The case folders directly under `corpusDir` (those holding an `ops` file), sorted by name. */
export async function listCases(corpusDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(corpusDir, { withFileTypes: true });
  } catch (err) {
    throw new CorpusError(`${corpusDir}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such corpus folder' : (err as Error).message}`);
  }
  const dirs: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const dir = path.join(corpusDir, e.name);
    if (await fs.stat(path.join(dir, 'ops')).then(() => true, () => false)) dirs.push(dir);
  }
  return dirs;
}
