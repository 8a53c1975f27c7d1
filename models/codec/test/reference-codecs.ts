/**
 * The same messages described for two general-purpose protobuf libraries, protobufjs (reflection from a JSON
 * descriptor) and @bufbuild/protobuf (a FileDescriptorProto built in code, no codegen), to benchmark the hand-written
 * codec against and to cross-check its wire format.
 */
import {
  create,
  createFileRegistry,
  fromBinary,
  toBinary,
  type DescMessage,
  type Message,
} from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Kind,
  FileDescriptorProtoSchema,
  file_google_protobuf_any,
} from '@bufbuild/protobuf/wkt';
import protobuf from 'protobufjs';

/** The four record messages. */
export const MESSAGE_NAMES = ['ResourceType', 'Resource', 'Entitlement', 'Grant'] as const;

/** One of the four record messages. */
export type MessageName = (typeof MESSAGE_NAMES)[number];

/** Decodes bytes into a library's own message object and encodes such an object again. */
export interface ReferenceCodec {
  decode(bytes: Uint8Array): unknown;
  encode(message: unknown): Uint8Array;
}

type FieldSpec = readonly [name: string, id: number, type: string, repeated?: 'repeated'];

const ANY = 'google.protobuf.Any';

/** Field tables of SPEC §1; types are proto scalar names, enum names or message names in `c1.connector.v2`. */
const MESSAGES: Record<string, readonly FieldSpec[]> = {
  ResourceType: [
    ['id', 1, 'string'],
    ['displayName', 2, 'string'],
    ['traits', 3, 'Trait', 'repeated'],
    ['annotations', 4, ANY, 'repeated'],
    ['description', 5, 'string'],
    ['sourcedExternally', 6, 'bool'],
  ],
  ResourceId: [
    ['resourceType', 1, 'string'],
    ['resource', 2, 'string'],
    ['batonResource', 3, 'bool'],
  ],
  ExternalId: [
    ['id', 1, 'string'],
    ['link', 2, 'string'],
    ['description', 3, 'string'],
  ],
  Resource: [
    ['id', 1, 'ResourceId'],
    ['parentResourceId', 2, 'ResourceId'],
    ['displayName', 3, 'string'],
    ['annotations', 4, ANY, 'repeated'],
    ['description', 5, 'string'],
    ['batonResource', 6, 'bool'],
    ['externalId', 7, 'ExternalId'],
    ['creationSource', 8, 'CreationSource'],
  ],
  Entitlement: [
    ['resource', 1, 'Resource'],
    ['id', 2, 'string'],
    ['displayName', 3, 'string'],
    ['description', 4, 'string'],
    ['grantableTo', 5, 'ResourceType', 'repeated'],
    ['annotations', 6, ANY, 'repeated'],
    ['purpose', 7, 'Purpose'],
    ['slug', 8, 'string'],
  ],
  GrantSource: [],
  Grant: [
    ['entitlement', 1, 'Entitlement'],
    ['principal', 2, 'Resource'],
    ['id', 3, 'string'],
    ['annotations', 4, ANY, 'repeated'],
    ['sources', 5, 'GrantSources'],
  ],
};

const ENUMS: Record<string, readonly string[]> = {
  Trait: ['TRAIT_UNSPECIFIED', 'TRAIT_USER', 'TRAIT_GROUP', 'TRAIT_ROLE', 'TRAIT_APP', 'TRAIT_SECRET'],
  CreationSource: ['CREATION_SOURCE_UNSPECIFIED', 'CREATION_SOURCE_LIST_RESOURCES', 'CREATION_SOURCE_GRANTS_PRINCIPAL_JIT'],
  Purpose: ['PURPOSE_VALUE_UNSPECIFIED', 'PURPOSE_VALUE_ASSIGNMENT', 'PURPOSE_VALUE_PERMISSION'],
};

const SCALARS: Record<string, Kind> = { string: Kind.STRING, bool: Kind.BOOL, bytes: Kind.BYTES };

function protobufjsRoot(): protobuf.Root {
  const v2: Record<string, protobuf.INamespace | protobuf.IType | protobuf.IEnum> = {};
  for (const [name, fields] of Object.entries(MESSAGES)) {
    v2[name] = {
      fields: Object.fromEntries(
        fields.map(([field, id, type, repeated]) => [
          field,
          repeated === undefined ? { type, id } : { type, id, rule: 'repeated', options: { packed: type in ENUMS } },
        ]),
      ),
    };
  }
  v2['GrantSources'] = { fields: { sources: { keyType: 'string', type: 'GrantSource', id: 1 } as protobuf.IMapField } };
  for (const [name, values] of Object.entries(ENUMS)) v2[name] = { values: Object.fromEntries(values.map((v, i) => [v, i])) };
  const any = { fields: { typeUrl: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } };
  return protobuf.Root.fromJSON({
    nested: {
      google: { nested: { protobuf: { nested: { Any: any } } } },
      c1: { nested: { connector: { nested: { v2: { nested: v2 } } } } },
    },
  });
}

/** protobufjs codecs, by reflection; `decode` keeps only fields present on the wire as own properties. */
export function protobufjsCodecs(): Record<MessageName, ReferenceCodec> {
  const root = protobufjsRoot();
  const codec = (name: MessageName): ReferenceCodec => {
    const type = root.lookupType(`c1.connector.v2.${name}`);
    return {
      decode: (bytes) => type.decode(bytes),
      encode: (message) => type.encode(message as protobuf.Message).finish(),
    };
  };
  return { ResourceType: codec('ResourceType'), Resource: codec('Resource'), Entitlement: codec('Entitlement'), Grant: codec('Grant') };
}

function typeName(type: string): string {
  return type === ANY ? `.${ANY}` : `.c1.connector.v2.${type}`;
}

function bufbuildField([name, number, type, repeated]: FieldSpec): object {
  const kind = SCALARS[type] ?? (type in ENUMS ? Kind.ENUM : Kind.MESSAGE);
  return {
    name,
    jsonName: name,
    number,
    label: repeated === undefined ? Label.OPTIONAL : Label.REPEATED,
    type: kind,
    ...(kind === Kind.ENUM || kind === Kind.MESSAGE ? { typeName: typeName(type) } : {}),
  };
}

function bufbuildFile(): ReturnType<typeof create<typeof FileDescriptorProtoSchema>> {
  const entry = {
    name: 'SourcesEntry',
    field: [bufbuildField(['key', 1, 'string']), bufbuildField(['value', 2, 'GrantSource'])],
    options: { mapEntry: true },
  };
  return create(FileDescriptorProtoSchema, {
    name: 'c1/connector/v2/c1z-parity.proto',
    package: 'c1.connector.v2',
    syntax: 'proto3',
    dependency: ['google/protobuf/any.proto'],
    messageType: [
      ...Object.entries(MESSAGES).map(([name, fields]) => ({ name, field: fields.map(bufbuildField) })),
      {
        name: 'GrantSources',
        field: [{ ...bufbuildField(['sources', 1, 'GrantSources.SourcesEntry', 'repeated']) }],
        nestedType: [entry],
      },
    ],
    enumType: Object.entries(ENUMS).map(([name, values]) => ({ name, value: values.map((v, i) => ({ name: v, number: i })) })),
  });
}

/** @bufbuild/protobuf codecs, from a FileDescriptorProto built in code. */
export function bufbuildCodecs(): Record<MessageName, ReferenceCodec> {
  const registry = createFileRegistry(bufbuildFile(), (name) =>
    name === 'google/protobuf/any.proto' ? file_google_protobuf_any : undefined,
  );
  const codec = (name: MessageName): ReferenceCodec => {
    const schema = registry.getMessage(`c1.connector.v2.${name}`) as DescMessage | undefined;
    if (schema === undefined) throw new Error(`bufbuild: ${name} missing from the registry`);
    return {
      decode: (bytes) => fromBinary(schema, bytes),
      encode: (message) => toBinary(schema, message as Message),
    };
  };
  return { ResourceType: codec('ResourceType'), Resource: codec('Resource'), Entitlement: codec('Entitlement'), Grant: codec('Grant') };
}
