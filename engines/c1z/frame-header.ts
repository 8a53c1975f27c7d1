/**
 * Reads the header of one zstd frame (RFC 8878 §3.1.1) without decoding it, so that the container can refuse a
 * frame whose window or declared size is past a limit before the decoder allocates anything for it.
 */

const ZSTD_MAGIC = 0xfd2fb528;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;

/** What the first bytes of a frame say: a zstd frame, a skippable frame, or that more bytes are needed to tell. */
export type FrameHeader =
  | {
      readonly kind: 'zstd';
      /** The decoder's window in bytes (the content size for a single-segment frame). */
      readonly windowSize: bigint;
      /** The declared content size, when the header carries one. */
      readonly contentSize: bigint | undefined;
    }
  | { readonly kind: 'skippable'; readonly headerSize: 8; readonly skipSize: number }
  | { readonly kind: 'incomplete'; readonly needed: number }
  | { readonly kind: 'invalid'; readonly reason: string };

const DICT_ID_SIZES = [0, 1, 2, 4] as const;
const FCS_SIZES = [0, 2, 4, 8] as const;

/** Parses the frame header at the start of `bytes`, which may hold fewer bytes than the header needs. */
export function parseFrameHeader(bytes: Uint8Array): FrameHeader {
  if (bytes.length < 4) return { kind: 'incomplete', needed: 4 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
    if (bytes.length < 8) return { kind: 'incomplete', needed: 8 };
    return { kind: 'skippable', headerSize: 8, skipSize: view.getUint32(4, true) };
  }
  if (magic !== ZSTD_MAGIC) {
    return { kind: 'invalid', reason: `not a zstd frame (magic 0x${magic.toString(16).padStart(8, '0')})` };
  }
  if (bytes.length < 5) return { kind: 'incomplete', needed: 5 };
  const descriptor = view.getUint8(4);
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor & 0x20) !== 0;
  const dictIdSize = DICT_ID_SIZES[descriptor & 0x03] ?? 0;
  const fcsSize = fcsFlag === 0 ? (singleSegment ? 1 : 0) : (FCS_SIZES[fcsFlag] ?? 0);
  const windowDescriptorSize = singleSegment ? 0 : 1;
  const headerSize = 5 + windowDescriptorSize + dictIdSize + fcsSize;
  if (bytes.length < headerSize) return { kind: 'incomplete', needed: headerSize };

  const fcsOffset = 5 + windowDescriptorSize + dictIdSize;
  let contentSize: bigint | undefined;
  switch (fcsSize) {
    case 1:
      contentSize = BigInt(view.getUint8(fcsOffset));
      break;
    case 2:
      contentSize = BigInt(view.getUint16(fcsOffset, true) + 256);
      break;
    case 4:
      contentSize = BigInt(view.getUint32(fcsOffset, true));
      break;
    case 8:
      contentSize = view.getBigUint64(fcsOffset, true);
      break;
    default:
      contentSize = undefined;
  }

  if (singleSegment) return { kind: 'zstd', windowSize: contentSize ?? 0n, contentSize };
  const windowByte = view.getUint8(5);
  const windowLog = 10n + BigInt(windowByte >> 3);
  const windowBase = 1n << windowLog;
  const windowSize = windowBase + (windowBase / 8n) * BigInt(windowByte & 0x07);
  return { kind: 'zstd', windowSize, contentSize };
}
