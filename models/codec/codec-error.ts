/** A protobuf record that cannot be decoded (malformed bytes) or encoded (a value outside its wire type). */
export class CodecError extends Error {
  override readonly name = 'CodecError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
