/**
 * Engine-specific figures: what an engine can tell about its own storage (SQLite's page and freelist counts, LevelDB's
 * per-level table sizes and compaction work). An engine offers them through an optional `engineFigures()` method; a
 * tee offers its members'. Figures are read on demand, never on the call path.
 */
import type { Engine } from '../../models/contract/api';

/** One named figure, with labels when it has several series (a table, a level). */
export interface Figure {
  /** A snake_case name, unique within its engine kind (`page_count`, `level_bytes`). */
  readonly name: string;
  readonly help: string;
  readonly value: number;
  readonly labels?: Readonly<Record<string, string>>;
}

/** What one engine reports about its storage. */
export interface EngineFigures {
  /** The engine kind the figures belong to (`sqlite`, `leveldb`): it prefixes the Prometheus names. */
  readonly engine: string;
  readonly figures: readonly Figure[];
  /** Text the engine prints as it is (LevelDB's `leveldb.stats` compaction table). */
  readonly text?: Readonly<Record<string, string>>;
}

/** An engine that reports its own figures. */
export interface FigureSource {
  engineFigures(): Promise<EngineFigures>;
}

/** Tells whether an engine offers `engineFigures()`. */
export function hasFigures(engine: unknown): engine is FigureSource {
  return typeof engine === 'object' && engine !== null && typeof (engine as Partial<FigureSource>).engineFigures === 'function';
}

/** The figures of `engine` under its display label: its own, or each member's for a tee (labelled `name#i`). */
export async function figuresOf(engine: Engine, label: string = engine.name): Promise<Map<string, EngineFigures>> {
  const out = new Map<string, EngineFigures>();
  if (hasFigures(engine)) {
    out.set(label, await engine.engineFigures());
    return out;
  }
  const members = (engine as { engines?: unknown }).engines;
  if (Array.isArray(members)) {
    for (const [i, member] of (members as Engine[]).entries()) {
      if (hasFigures(member)) out.set(`${label}/${member.name}#${i}`, await member.engineFigures());
    }
  }
  return out;
}
