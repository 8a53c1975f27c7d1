/**
 * The outcome of one engine call as data: its value or its error. Settling a call also drains a streamed asset into
 * bytes, so that an outcome can be normalised synchronously and its bytes handed on again.
 */

/** What one engine call produced: a value, or the error it threw. */
export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** An asset read whose streamed data has been read to the end. */
export interface DrainedAsset {
  readonly contentType: string;
  readonly discoveredAt: number;
  readonly data: Uint8Array;
}

function isStreamedAsset(value: unknown): value is { contentType: unknown; discoveredAt: unknown; data: AsyncIterable<unknown> } {
  if (typeof value !== 'object' || value === null || !('contentType' in value)) return false;
  const data = (value as { data?: unknown }).data;
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/** Reads a byte stream to the end (chunks may be Uint8Array, Buffer or, from a text-mode Readable, strings). */
export async function drainBytes(stream: AsyncIterable<unknown>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk), 'utf8');
    chunks.push(bytes);
    total += bytes.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Streams bytes as one chunk; every iteration starts afresh with its own copy. */
export function replayBytes(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
      yield bytes.slice();
    },
  };
}

/** Runs a call and captures its outcome; an asset read is drained, and a failure while draining is the outcome. */
export async function settle(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call();
    if (isStreamedAsset(value)) {
      const drained = { contentType: value.contentType, discoveredAt: value.discoveredAt, data: await drainBytes(value.data) };
      return { ok: true, value: drained };
    }
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}
