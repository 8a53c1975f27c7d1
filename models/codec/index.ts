/**
 * The deterministic protobuf codec of the c1z records, wire-compatible with `c1.connector.v2` (SPEC §1): fields in
 * number order, defaults omitted, traits packed, map entries sorted by key. Decoding leaves default-valued fields
 * out, skips unknown fields, and throws only CodecError.
 */
import type { Entitlement, Grant, Resource, ResourceType } from '../types';
import { CodecError } from './codec-error';
import { readEntitlement, writeEntitlement } from './entitlement';
import { readGrant, writeGrant } from './grant';
import { ProtoReader } from './reader';
import { readResource, writeResource } from './resource';
import { readResourceType, writeResourceType } from './resource-type';
import { ProtoWriter } from './writer';

export { CodecError } from './codec-error';

const writer = new ProtoWriter();

function encode<T>(write: (w: ProtoWriter, value: T) => void, value: T): Uint8Array {
  writer.pos = 0;
  write(writer, value);
  return writer.finish();
}

function reader(bytes: Uint8Array, what: string): ProtoReader {
  if (!(bytes instanceof Uint8Array)) throw new CodecError(`${what}: input is not a Uint8Array`);
  // A Buffer's slice() is a view, so read through a plain Uint8Array: decoded bytes fields are then plain copies.
  const plain = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new ProtoReader(plain);
}

/** Encodes a resource type to its deterministic protobuf bytes. */
export function encodeResourceType(rt: ResourceType): Uint8Array {
  return encode(writeResourceType, rt);
}

/** Decodes a resource type; throws CodecError on malformed bytes. */
export function decodeResourceType(bytes: Uint8Array): ResourceType {
  return readResourceType(reader(bytes, 'ResourceType'));
}

/** Encodes a resource to its deterministic protobuf bytes. */
export function encodeResource(r: Resource): Uint8Array {
  return encode(writeResource, r);
}

/** Decodes a resource; throws CodecError on malformed bytes. */
export function decodeResource(bytes: Uint8Array): Resource {
  return readResource(reader(bytes, 'Resource'), undefined);
}

/** Encodes an entitlement to its deterministic protobuf bytes. */
export function encodeEntitlement(e: Entitlement): Uint8Array {
  return encode(writeEntitlement, e);
}

/** Decodes an entitlement; throws CodecError on malformed bytes. */
export function decodeEntitlement(bytes: Uint8Array): Entitlement {
  return readEntitlement(reader(bytes, 'Entitlement'), undefined);
}

/** Encodes a grant to its deterministic protobuf bytes. */
export function encodeGrant(g: Grant): Uint8Array {
  return encode(writeGrant, g);
}

/** Decodes a grant; throws CodecError on malformed bytes. */
export function decodeGrant(bytes: Uint8Array): Grant {
  return readGrant(reader(bytes, 'Grant'));
}
