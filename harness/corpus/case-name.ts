/** Deterministic case names: `<code>-<op kind>-<first 8 hex of sha256(ops text)>`, so the same case saves once. */
import { createHash } from 'node:crypto';
import type { Divergence } from '../../engines/compare';
import { divergenceSignature } from '../reduce';

/** The name of a case that shows `divergence` with the canonical ops text `opsText`. */
export function caseName(divergence: Divergence, opsText: string): string {
  const hash = createHash('sha256').update(opsText).digest('hex').slice(0, 8);
  const kind = divergenceSignature(divergence).kind.replace(/[^A-Za-z0-9]/g, '') || 'op';
  const code = divergence.code.replace(/[^A-Za-z0-9-]/g, '') || 'divergence';
  return `${code}-${kind}-${hash}`;
}
