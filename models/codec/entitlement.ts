/**
 * `c1.connector.v2.Entitlement`: resource 1 (Resource), id 2, display_name 3, description 4, grantable_to 5
 * (repeated ResourceType), annotations 6, purpose 7 (enum), slug 8.
 */
import type { Entitlement, ResourceType } from '../types';
import { readAnyInto, writeAnyList } from './any';
import type { Mutable } from './mutable';
import type { ProtoReader } from './reader';
import { readResourceField, writeResource } from './resource';
import { readResourceType, writeResourceType } from './resource-type';
import type { ProtoWriter } from './writer';

/** Writes the fields of an entitlement; `resource` is always written (the type requires it), other defaults omitted. */
export function writeEntitlement(w: ProtoWriter, e: Entitlement): void {
  const start = w.begin(0x0a);
  writeResource(w, e.resource);
  w.endLength(start);
  if (e.id !== '') w.string(0x12, e.id, 'Entitlement.id');
  if (e.displayName) w.string(0x1a, e.displayName, 'Entitlement.displayName');
  if (e.description) w.string(0x22, e.description, 'Entitlement.description');
  if (e.grantableTo !== undefined) {
    for (const rt of e.grantableTo) {
      const s = w.begin(0x2a);
      writeResourceType(w, rt);
      w.endLength(s);
    }
  }
  writeAnyList(w, 0x32, e.annotations);
  if (e.purpose !== undefined && e.purpose !== 0) {
    w.uint32(0x38);
    w.int32(e.purpose, 'Entitlement.purpose');
  }
  if (e.slug) w.string(0x42, e.slug, 'Entitlement.slug');
}

/**
 * Reads the fields of an entitlement up to `r.end` on top of `prev` (see resource.ts), leaving default-valued fields
 * out; a missing resource reads as one with an empty id.
 */
export function readEntitlement(r: ProtoReader, prev: Entitlement | undefined): Entitlement {
  let resource = prev?.resource;
  let id = prev?.id ?? '';
  let displayName = prev?.displayName ?? '';
  let description = prev?.description ?? '';
  let grantableTo = prev?.grantableTo?.slice();
  let annotations = prev?.annotations?.slice();
  let purpose = prev?.purpose ?? 0;
  let slug = prev?.slug ?? '';
  while (r.pos < r.end) {
    const tag = r.tag('Entitlement');
    switch (tag) {
      case 0x0a:
        resource = readResourceField(r, 'Entitlement.resource', resource);
        break;
      case 0x12:
        id = r.string('Entitlement.id');
        break;
      case 0x1a:
        displayName = r.string('Entitlement.displayName');
        break;
      case 0x22:
        description = r.string('Entitlement.description');
        break;
      case 0x2a: {
        const outer = r.enter('Entitlement.grantableTo');
        (grantableTo ??= [] as ResourceType[]).push(readResourceType(r));
        r.leave(outer);
        break;
      }
      case 0x32:
        annotations = readAnyInto(r, annotations);
        break;
      case 0x38:
        purpose = r.int32('Entitlement.purpose');
        break;
      case 0x42:
        slug = r.string('Entitlement.slug');
        break;
      default:
        r.skip('Entitlement', tag);
    }
  }
  const out: Mutable<Entitlement> = { resource: resource ?? { id: { resourceType: '', resource: '' } }, id };
  if (displayName !== '') out.displayName = displayName;
  if (description !== '') out.description = description;
  if (grantableTo !== undefined) out.grantableTo = grantableTo;
  if (annotations !== undefined) out.annotations = annotations;
  if (purpose !== 0) out.purpose = purpose;
  if (slug !== '') out.slug = slug;
  return out;
}
