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

/** Versions by component: node, c1z-parity, better-sqlite3, classic-level, fast-check, zstd-napi. */
export function componentVersions(): Record<string, string> {
  return {
    node: process.versions.node,
    'c1z-parity': versionOf(path.join(packageRoot())),
    'better-sqlite3': versionOf('better-sqlite3'),
    'classic-level': versionOf('classic-level'),
    'fast-check': versionOf('fast-check'),
    'zstd-napi': versionOf('zstd-napi'),
  };
}
