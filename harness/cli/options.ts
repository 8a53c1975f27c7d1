/** Parsers of CLI option values; each throws a CliError (exit 2) naming the option and what it takes. */
import { parseEngineNames, type EngineName } from '../../engines/registry/engine-registry';
import { parseShard, type Shard } from '../runner/run-seed';
import { PRESETS } from '../generator';
import { CliError } from './io';

/** Parses a duration like `500ms`, `60s`, `30m`, `1h` (a bare number is seconds) into milliseconds. */
export function parseDuration(text: string, option = '--time'): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new CliError(`${option} takes a duration like 60s, 30m or 1h (got ${JSON.stringify(text)})`);
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = Math.round(n * unit);
  if (ms <= 0) throw new CliError(`${option} must be positive`);
  return ms;
}

/** Parses a non-negative safe integer option. */
export function parseCount(text: string, option: string, min = 0): number {
  if (!/^\d+$/.test(text.trim())) throw new CliError(`${option} takes a whole number (got ${JSON.stringify(text)})`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new CliError(`${option} must be a whole number >= ${min}`);
  return n;
}

/** Parses a seed: a whole number from 0 to 2^31 - 1. */
export function parseSeed(text: string): number {
  const n = parseCount(text, '--seed');
  if (n > 0x7fffffff) throw new CliError('--seed must be at most 2147483647');
  return n;
}

/** Parses `--engines a,b`. */
export function parseEnginesOption(text: string): EngineName[] {
  try {
    return parseEngineNames(text);
  } catch (err) {
    throw new CliError(`--engines: ${(err as Error).message}`);
  }
}

/** Checks a preset name. */
export function parsePreset(text: string): string {
  if (!Object.prototype.hasOwnProperty.call(PRESETS, text)) {
    throw new CliError(`unknown preset ${JSON.stringify(text)} (known: ${Object.keys(PRESETS).join(', ')})`);
  }
  return text;
}

/** Parses `--shard k/n`. */
export function parseShardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}
