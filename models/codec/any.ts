/** `google.protobuf.Any` (type_url 1, value 2), kept opaque. */
import type { AnyMessage } from '../types';
import type { ProtoReader } from './reader';
import type { ProtoWriter } from './writer';

/** Writes each Any of `list` as a length-delimited field with `tag`. */
export function writeAnyList(w: ProtoWriter, tag: number, list: readonly AnyMessage[] | undefined): void {
  if (list === undefined) return;
  for (const a of list) {
    const start = w.begin(tag);
    if (a.typeUrl !== '') w.string(0x0a, a.typeUrl, 'Any.typeUrl');
    if (a.value.length !== 0) w.bytes(0x12, a.value);
    w.endLength(start);
  }
}

/** Reads one length-delimited Any and appends it to `list` (made when undefined); returns the list. */
export function readAnyInto(r: ProtoReader, list: AnyMessage[] | undefined): AnyMessage[] {
  const outer = r.enter('Any');
  let typeUrl = '';
  let value: Uint8Array | undefined;
  while (r.pos < r.end) {
    const tag = r.tag('Any');
    switch (tag) {
      case 0x0a:
        typeUrl = r.string('Any.typeUrl');
        break;
      case 0x12:
        value = r.bytes('Any.value');
        break;
      default:
        r.skip('Any', tag);
    }
  }
  r.leave(outer);
  const out = list ?? [];
  out.push({ typeUrl, value: value ?? new Uint8Array(0) });
  return out;
}
