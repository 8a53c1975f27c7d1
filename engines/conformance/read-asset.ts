/** Reads an asset fully: its content type, discovered_at and streamed bytes joined into one buffer. */
import type { Engine, GetOptions } from '../../models/contract/api';

/** An asset as read by a test, with all its bytes. */
export interface AssetBytes {
  readonly contentType: string;
  readonly discoveredAt: number;
  readonly data: Buffer;
}

/** Reads asset `id` and collects its streamed data. */
export async function readAsset(engine: Engine, id: string, opts?: GetOptions): Promise<AssetBytes> {
  const asset = await engine.getAsset(id, opts);
  const chunks: Buffer[] = [];
  for await (const chunk of asset.data) {
    if (!(chunk instanceof Uint8Array)) throw new Error(`asset ${id} streamed a chunk that is not bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return { contentType: asset.contentType, discoveredAt: asset.discoveredAt, data: Buffer.concat(chunks) };
}
