/** Finds the c1z-parity checkout (source or compiled under dist/), for its package.json, corpus/ and reports/. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The directory of c1z-parity's package.json, found by walking up from this file. */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'c1z-parity') {
      cached = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error('c1z-parity: cannot find its own package.json');
  }
}
