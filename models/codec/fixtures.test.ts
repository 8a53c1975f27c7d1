import {
  decodeEntitlement,
  decodeGrant,
  decodeResource,
  decodeResourceType,
  encodeEntitlement,
  encodeGrant,
  encodeResource,
  encodeResourceType,
} from './index';
import { FIXTURE_NAMES, readFixtureTables, withFixtureDb, type RecordTable } from './test/fixture-blobs';

const ROUND_TRIP: Record<RecordTable, (b: Uint8Array) => Uint8Array> = {
  v1_resource_types: (b) => encodeResourceType(decodeResourceType(b)),
  v1_resources: (b) => encodeResource(decodeResource(b)),
  v1_entitlements: (b) => encodeEntitlement(decodeEntitlement(b)),
  v1_grants: (b) => encodeGrant(decodeGrant(b)),
};

describe.each(FIXTURE_NAMES)('fixture %s', (name) => {
  const tables = readFixtureTables(name);

  it.each(tables.map((t) => [t.table, t] as const))('%s: every blob re-encodes to identical bytes', (_table, t) => {
    const roundTrip = ROUND_TRIP[t.table];
    const mismatches: number[] = [];
    t.blobs.forEach((blob, i) => {
      if (!Buffer.from(roundTrip(blob)).equals(blob)) mismatches.push(i);
    });
    expect(mismatches).toEqual([]);
  });

  it('holds records of every kind it should', () => {
    const counts = Object.fromEntries(tables.map((t) => [t.table, t.blobs.length]));
    expect(counts['v1_resource_types']).toBeGreaterThan(0);
    expect(counts['v1_resources']).toBeGreaterThan(0);
  });
});

interface Row {
  readonly data: Buffer;
  readonly [column: string]: unknown;
}

describe('decoded fields agree with the columns the Go SDK extracted', () => {
  const rows = (sql: string): Row[] => withFixtureDb('small-unexpanded.c1z', (db) => db.prepare(sql).all() as Row[]);

  it('resources: type, id and parent', () => {
    const resources = rows('SELECT * FROM v1_resources');
    for (const row of resources) {
      const r = decodeResource(row.data);
      expect([r.id.resourceType, `${r.id.resourceType}:${r.id.resource}`]).toEqual([row['resource_type_id'], row['external_id']]);
      expect(r.parentResourceId?.resourceType ?? '').toBe(row['parent_resource_type_id'] ?? '');
      expect(r.parentResourceId?.resource ?? '').toBe(row['parent_resource_id'] ?? '');
    }
    expect(resources.length).toBeGreaterThan(0);
  });

  it('entitlements: id and resource', () => {
    for (const row of rows('SELECT * FROM v1_entitlements')) {
      const e = decodeEntitlement(row.data);
      expect([e.id, e.resource.id.resourceType, e.resource.id.resource]).toEqual([
        row['external_id'],
        row['resource_type_id'],
        row['resource_id'],
      ]);
    }
  });

  it('grants: id, entitlement, its resource and the principal', () => {
    for (const row of rows('SELECT * FROM v1_grants')) {
      const g = decodeGrant(row.data);
      expect([
        g.id,
        g.entitlement.id,
        g.entitlement.resource.id.resourceType,
        g.entitlement.resource.id.resource,
        g.principal.id.resourceType,
        g.principal.id.resource,
      ]).toEqual([
        row['external_id'],
        row['entitlement_id'],
        row['resource_type_id'],
        row['resource_id'],
        row['principal_resource_type_id'],
        row['principal_resource_id'],
      ]);
    }
  });

  it('resource types: id, traits and annotations', () => {
    const types = rows('SELECT * FROM v1_resource_types').map((row) => {
      const rt = decodeResourceType(row.data);
      expect(rt.id).toBe(row['external_id']);
      return rt;
    });
    expect(types.some((rt) => (rt.traits ?? []).length > 0)).toBe(true);
    const urls = types.flatMap((rt) => (rt.annotations ?? []).map((a) => a.typeUrl));
    for (const url of urls) expect(url).toMatch(/^type\.googleapis\.com\/c1\.connector\.v2\./);
  });
});
