/**
 * Opaque page tokens bound to the query that issued them. A token carries an engine-specific position and a digest
 * of the query (method, sync, filter); decoding it for another query, or decoding garbage, is INVALID_ARGUMENT, so a
 * token can never make an engine return records outside the query it is used with.
 */
import { createHash } from 'node:crypto';
import { StorageError } from '../../models/contract/errors';

/** A digest of a query's identity: any JSON-serialisable description of method, sync and filter. */
export function queryDigest(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}

/** Encodes a position within the query whose digest is given. */
export function encodePageToken(digest: string, position: string): string {
  return Buffer.from(JSON.stringify([digest, position]), 'utf8').toString('base64url');
}

/** Throws INVALID_ARGUMENT unless `token` has the shape of a page token (whatever query it belongs to). */
export function checkPageTokenSyntax(token: string): void {
  parseToken(token);
}

function parseToken(token: string): [string, string] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (err) {
    throw new StorageError('INVALID_ARGUMENT', 'malformed page token', { cause: err });
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
    throw new StorageError('INVALID_ARGUMENT', 'malformed page token');
  }
  return [parsed[0], parsed[1]];
}

/** Decodes a token issued for the query `digest`; throws INVALID_ARGUMENT when malformed or foreign. */
export function decodePageToken(token: string, digest: string): string {
  const parsed = parseToken(token);
  if (parsed[0] !== digest) throw new StorageError('INVALID_ARGUMENT', 'page token belongs to another query');
  return parsed[1];
}
