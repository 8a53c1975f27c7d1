/** The versions a report records: Node, this package and the engines' libraries. */
import path from 'node:path';
import { packageRoot } from '../package-root';

function versionOf(pkg: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Versions by component: each engine by name, then node, c1z-parity and the libraries. */
export function componentVersions(): Record<string, string> {
  const own = versionOf(path.join(packageRoot()));
  return {
    memory: `reference model (c1z-parity ${own})`,
    sqlite: `better-sqlite3 ${versionOf('better-sqlite3')}, zstd-napi ${versionOf('zstd-napi')}`,
    leveldb: `classic-level ${versionOf('classic-level')}`,
    node: process.versions.node,
    'c1z-parity': own,
    'better-sqlite3': versionOf('better-sqlite3'),
    'classic-level': versionOf('classic-level'),
    'fast-check': versionOf('fast-check'),
    'zstd-napi': versionOf('zstd-napi'),
  };
}
