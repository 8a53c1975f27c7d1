/**
 * The meta.json of a corpus case: where the case came from (fast-check coordinates, preset, engines, versions),
 * the divergence it showed, why it was saved, and what CI expects of it now (`pass` or `diverges`).
 */
import type { Divergence } from '../../engines/compare';
import { ENGINE_FACTORIES, type EngineName } from '../../engines/registry/engine-registry';

/** What CI expects of a case: no divergence (`pass`), or a divergence that is a known, not yet fixed bug. */
export type CaseExpectation = 'pass' | 'diverges';

/** A case's meta.json. */
export interface CaseMeta {
  /** The case folder's name. */
  readonly name: string;
  readonly why: string;
  readonly expect: CaseExpectation;
  /** The engines it runs on; the first is the reference. */
  readonly engines: readonly EngineName[];
  /** The fast-check run seed and path of the run the case was reduced from (null for a hand-written case). */
  readonly seed: number | null;
  readonly path: string | null;
  readonly preset: string | null;
  readonly maxOps?: number;
  /** Test-only faults per engine the case was found with (mutation runs), replayed with it. */
  readonly faults?: Partial<Record<EngineName, readonly string[]>>;
  readonly versions: Readonly<Record<string, string>>;
  /** The first divergence it showed when saved (null for a case saved passing). */
  readonly divergence: Divergence | null;
  /** When it was saved (ISO 8601, wall clock: metadata, never part of a run). */
  readonly date: string;
}

/** A meta.json that cannot be used; the message names the file and the field. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';

  constructor(
    message: string,
    /** Set when the error is a file that does not exist. */
    readonly missing = false,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function field<T>(meta: Json, file: string, key: string, ok: (v: unknown) => boolean, what: string): T {
  const v = meta[key];
  if (!ok(v)) throw new CorpusError(`${file}: "${key}" must be ${what}`);
  return v as T;
}

const isString = (v: unknown) => typeof v === 'string';
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

function engines(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'string' && e in ENGINE_FACTORIES) && new Set(v).size === v.length;
}

/** Checks parsed meta.json data and returns it typed; throws CorpusError naming `file` and the bad field. */
export function parseCaseMeta(data: unknown, file: string): CaseMeta {
  if (!isObject(data)) throw new CorpusError(`${file}: not a JSON object`);
  const meta = data as Json;
  const maxOps = meta['maxOps'];
  if (maxOps !== undefined && !(Number.isSafeInteger(maxOps) && (maxOps as number) > 0)) throw new CorpusError(`${file}: "maxOps" must be a positive integer`);
  const faults = meta['faults'];
  if (faults !== undefined && !(isObject(faults) && Object.entries(faults as Json).every(([k, v]) => k in ENGINE_FACTORIES && Array.isArray(v) && v.every(isString)))) {
    throw new CorpusError(`${file}: "faults" must map engine names to lists of fault names`);
  }
  return {
    name: field(meta, file, 'name', (v) => isString(v) && v !== '', 'a non-empty string'),
    why: field(meta, file, 'why', isString, 'a string'),
    expect: field(meta, file, 'expect', (v) => v === 'pass' || v === 'diverges', '"pass" or "diverges"'),
    engines: field(meta, file, 'engines', engines, `a non-empty list of distinct engine names (${Object.keys(ENGINE_FACTORIES).join(', ')})`),
    seed: field(meta, file, 'seed', (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0), 'null or a non-negative integer'),
    path: field(meta, file, 'path', (v) => v === null || isString(v), 'null or a string'),
    preset: field(meta, file, 'preset', (v) => v === null || isString(v), 'null or a string'),
    ...(maxOps === undefined ? {} : { maxOps: maxOps as number }),
    ...(faults === undefined ? {} : { faults: faults as CaseMeta['faults'] & object }),
    versions: field(meta, file, 'versions', (v) => isObject(v) && Object.values(v as Json).every(isString), 'an object of strings'),
    divergence: field(meta, file, 'divergence', (v) => v === null || (isObject(v) && isString((v as Json)['code'])), 'null or a divergence'),
    date: field(meta, file, 'date', isString, 'a string'),
  };
}
