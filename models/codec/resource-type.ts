/** `c1.connector.v2.ResourceType`: id 1, display_name 2, traits 3 (packed enum), annotations 4, description 5, sourced_externally 6. */
import type { AnyMessage, ResourceType } from '../types';
import { readAnyInto, writeAnyList } from './any';
import type { Mutable } from './mutable';
import type { ProtoReader } from './reader';
import type { ProtoWriter } from './writer';

/** Writes the fields of a resource type, defaults omitted. */
export function writeResourceType(w: ProtoWriter, rt: ResourceType): void {
  if (rt.id !== '') w.string(0x0a, rt.id, 'ResourceType.id');
  if (rt.displayName) w.string(0x12, rt.displayName, 'ResourceType.displayName');
  const traits = rt.traits;
  if (traits !== undefined && traits.length !== 0) {
    const start = w.begin(0x1a);
    for (const t of traits) w.int32(t, 'ResourceType.traits');
    w.endLength(start);
  }
  writeAnyList(w, 0x22, rt.annotations);
  if (rt.description) w.string(0x2a, rt.description, 'ResourceType.description');
  if (rt.sourcedExternally === true) {
    w.uint32(0x30);
    w.uint32(1);
  }
}

/** Reads the fields of a resource type up to `r.end`, leaving default-valued fields out. */
export function readResourceType(r: ProtoReader): ResourceType {
  let id = '';
  let displayName = '';
  let traits: number[] | undefined;
  let annotations: AnyMessage[] | undefined;
  let description = '';
  let sourcedExternally = false;
  while (r.pos < r.end) {
    const tag = r.tag('ResourceType');
    switch (tag) {
      case 0x0a:
        id = r.string('ResourceType.id');
        break;
      case 0x12:
        displayName = r.string('ResourceType.displayName');
        break;
      case 0x1a:
        r.packedInt32('ResourceType.traits', (traits ??= []));
        break;
      case 0x18:
        (traits ??= []).push(r.int32('ResourceType.traits'));
        break;
      case 0x22:
        annotations = readAnyInto(r, annotations);
        break;
      case 0x2a:
        description = r.string('ResourceType.description');
        break;
      case 0x30:
        sourcedExternally = r.bool('ResourceType.sourcedExternally');
        break;
      default:
        r.skip('ResourceType', tag);
    }
  }
  const out: Mutable<ResourceType> = { id };
  if (displayName !== '') out.displayName = displayName;
  if (traits !== undefined && traits.length !== 0) out.traits = traits;
  if (annotations !== undefined) out.annotations = annotations;
  if (description !== '') out.description = description;
  if (sourcedExternally) out.sourcedExternally = true;
  return out;
}
