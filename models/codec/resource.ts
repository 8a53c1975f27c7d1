/**
 * `c1.connector.v2.Resource` (id 1, parent_resource_id 2, display_name 3, annotations 4, description 5,
 * baton_resource 6, external_id 7, creation_source 8) with its `ResourceId` and `ExternalId` sub-messages.
 *
 * Readers of messages that can occur as a singular field take the value read so far: protobuf merges a repeated
 * occurrence into it (as Go's decoder does), so that decoding never depends on how a message was split on the wire.
 */
import type { ExternalId, Resource, ResourceId } from '../types';
import { readAnyInto, writeAnyList } from './any';
import type { Mutable } from './mutable';
import type { ProtoReader } from './reader';
import type { ProtoWriter } from './writer';

function writeResourceId(w: ProtoWriter, tag: number, id: ResourceId): void {
  const start = w.begin(tag);
  if (id.resourceType !== '') w.string(0x0a, id.resourceType, 'ResourceId.resourceType');
  if (id.resource !== '') w.string(0x12, id.resource, 'ResourceId.resource');
  if (id.batonResource === true) {
    w.uint32(0x18);
    w.uint32(1);
  }
  w.endLength(start);
}

function readResourceId(r: ProtoReader, what: string, prev: ResourceId | undefined): ResourceId {
  const outer = r.enter(what);
  let resourceType = prev?.resourceType ?? '';
  let resource = prev?.resource ?? '';
  let batonResource = prev?.batonResource ?? false;
  while (r.pos < r.end) {
    const tag = r.tag('ResourceId');
    switch (tag) {
      case 0x0a:
        resourceType = r.string('ResourceId.resourceType');
        break;
      case 0x12:
        resource = r.string('ResourceId.resource');
        break;
      case 0x18:
        batonResource = r.bool('ResourceId.batonResource');
        break;
      default:
        r.skip('ResourceId', tag);
    }
  }
  r.leave(outer);
  return batonResource ? { resourceType, resource, batonResource } : { resourceType, resource };
}

function writeExternalId(w: ProtoWriter, ext: ExternalId): void {
  const start = w.begin(0x3a);
  if (ext.id) w.string(0x0a, ext.id, 'ExternalId.id');
  if (ext.link) w.string(0x12, ext.link, 'ExternalId.link');
  if (ext.description) w.string(0x1a, ext.description, 'ExternalId.description');
  w.endLength(start);
}

function readExternalId(r: ProtoReader, prev: ExternalId | undefined): ExternalId {
  const outer = r.enter('Resource.externalId');
  let id = prev?.id ?? '';
  let link = prev?.link ?? '';
  let description = prev?.description ?? '';
  while (r.pos < r.end) {
    const tag = r.tag('ExternalId');
    switch (tag) {
      case 0x0a:
        id = r.string('ExternalId.id');
        break;
      case 0x12:
        link = r.string('ExternalId.link');
        break;
      case 0x1a:
        description = r.string('ExternalId.description');
        break;
      default:
        r.skip('ExternalId', tag);
    }
  }
  r.leave(outer);
  const out: Mutable<ExternalId> = {};
  if (id !== '') out.id = id;
  if (link !== '') out.link = link;
  if (description !== '') out.description = description;
  return out;
}

/** Writes the fields of a resource; `id` is always written (the type requires it), other defaults are omitted. */
export function writeResource(w: ProtoWriter, res: Resource): void {
  writeResourceId(w, 0x0a, res.id);
  if (res.parentResourceId !== undefined) writeResourceId(w, 0x12, res.parentResourceId);
  if (res.displayName) w.string(0x1a, res.displayName, 'Resource.displayName');
  writeAnyList(w, 0x22, res.annotations);
  if (res.description) w.string(0x2a, res.description, 'Resource.description');
  if (res.batonResource === true) {
    w.uint32(0x30);
    w.uint32(1);
  }
  if (res.externalId !== undefined) writeExternalId(w, res.externalId);
  if (res.creationSource !== undefined && res.creationSource !== 0) {
    w.uint32(0x40);
    w.int32(res.creationSource, 'Resource.creationSource');
  }
}

/**
 * Reads the fields of a resource up to `r.end` on top of `prev`, leaving default-valued fields out; a missing id
 * reads as an empty ResourceId.
 */
export function readResource(r: ProtoReader, prev: Resource | undefined): Resource {
  let id = prev?.id;
  let parent = prev?.parentResourceId;
  let displayName = prev?.displayName ?? '';
  let annotations = prev?.annotations?.slice();
  let description = prev?.description ?? '';
  let batonResource = prev?.batonResource ?? false;
  let externalId = prev?.externalId;
  let creationSource = prev?.creationSource ?? 0;
  while (r.pos < r.end) {
    const tag = r.tag('Resource');
    switch (tag) {
      case 0x0a:
        id = readResourceId(r, 'Resource.id', id);
        break;
      case 0x12:
        parent = readResourceId(r, 'Resource.parentResourceId', parent);
        break;
      case 0x1a:
        displayName = r.string('Resource.displayName');
        break;
      case 0x22:
        annotations = readAnyInto(r, annotations);
        break;
      case 0x2a:
        description = r.string('Resource.description');
        break;
      case 0x30:
        batonResource = r.bool('Resource.batonResource');
        break;
      case 0x3a:
        externalId = readExternalId(r, externalId);
        break;
      case 0x40:
        creationSource = r.int32('Resource.creationSource');
        break;
      default:
        r.skip('Resource', tag);
    }
  }
  const out: Mutable<Resource> = { id: id ?? { resourceType: '', resource: '' } };
  if (parent !== undefined) out.parentResourceId = parent;
  if (displayName !== '') out.displayName = displayName;
  if (annotations !== undefined) out.annotations = annotations;
  if (description !== '') out.description = description;
  if (batonResource) out.batonResource = true;
  if (externalId !== undefined) out.externalId = externalId;
  if (creationSource !== 0) out.creationSource = creationSource;
  return out;
}

/** Reads a length-delimited Resource field named `what` on top of `prev`. */
export function readResourceField(r: ProtoReader, what: string, prev: Resource | undefined): Resource {
  const outer = r.enter(what);
  const res = readResource(r, prev);
  r.leave(outer);
  return res;
}
