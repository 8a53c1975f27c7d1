/**
 * The c1z v1 schema (SPEC §8): the DDL of the Go SDK's older files, the project's helper indexes (working copy only),
 * the check that a file has every table and column of §8, and the migrations that the Go SDK applies to old files.
 */
import type { Database } from 'better-sqlite3';

/** The v1 DDL exactly as the Go SDK wrote it in the `small-unexpanded` fixture (tables, then their indexes). */
const V1_TABLES: readonly (readonly [string, string, readonly string[]])[] = [
  [
    'v1_resource_types',
    `CREATE TABLE v1_resource_types (
    id integer primary key,
    external_id text not null,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
)`,
    ['CREATE UNIQUE INDEX idx_resource_types_external_sync_v1 on v1_resource_types (external_id, sync_id)'],
  ],
  [
    'v1_resources',
    `CREATE TABLE v1_resources (
    id integer primary key,
    resource_type_id text not null,
    external_id text not null,
	parent_resource_type_id text,
	parent_resource_id text,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
)`,
    [
      'CREATE INDEX idx_resources_resource_type_id_v1 on v1_resources (resource_type_id)',
      'CREATE INDEX idx_resources_external_sync_v1 on v1_resources (parent_resource_type_id, parent_resource_id)',
      'CREATE UNIQUE INDEX idx_resources_parent_resource_id_v1 on v1_resources (external_id, sync_id)',
    ],
  ],
  [
    'v1_entitlements',
    `CREATE TABLE v1_entitlements (
    id integer primary key,
    resource_type_id text not null,
    resource_id text not null,
    external_id text not null,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
)`,
    [
      'CREATE INDEX idx_entitlements_resource_id_v1 on v1_entitlements (resource_type_id, resource_id)',
      'CREATE UNIQUE INDEX idx_entitlements_external_sync_v1 on v1_entitlements (external_id, sync_id)',
    ],
  ],
  [
    'v1_grants',
    `CREATE TABLE v1_grants (
    id integer primary key,
	resource_type_id text not null,
    resource_id text not null,
    entitlement_id text not null,
    principal_resource_type_id text not null,
    principal_resource_id text not null,
    external_id text not null,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
)`,
    [
      'CREATE INDEX idx_grants_resource_type_id_resource_id_v1 on v1_grants (resource_type_id, resource_id)',
      'CREATE INDEX idx_grants_principal_id_v1 on v1_grants (principal_resource_type_id, principal_resource_id)',
      'CREATE INDEX idx_grants_entitlement_id_principal_id_v1 on v1_grants (entitlement_id, principal_resource_type_id, principal_resource_id)',
      'CREATE UNIQUE INDEX idx_grants_external_sync_v1 on v1_grants (external_id, sync_id)',
    ],
  ],
  [
    'v1_sync_runs',
    `CREATE TABLE v1_sync_runs (
    id integer primary key,
    sync_id text not null,
    started_at datetime not null,
    ended_at datetime,
    sync_token text not null,
    sync_type text not null default 'full',
    parent_sync_id text not null default ''
)`,
    ['CREATE UNIQUE INDEX idx_sync_runs_sync_id_v1 on v1_sync_runs (sync_id)'],
  ],
  [
    'v1_assets',
    `CREATE TABLE v1_assets (
    id integer primary key,
    external_id text not null,
    content_type text not null,
    data blob not null,
    sync_id text not null,
    discovered_at datetime not null
)`,
    ['CREATE UNIQUE INDEX idx_assets_external_sync_v1 on v1_assets (external_id, sync_id)'],
  ],
  [
    'v1_connector_sessions',
    `CREATE TABLE v1_connector_sessions (
    id integer primary key,
	sync_id text NOT NULL,
	key TEXT NOT NULL,
	value BLOB NOT NULL
)`,
    ['CREATE UNIQUE INDEX idx_session_store_sync_key_v1 on v1_connector_sessions (sync_id, key)'],
  ],
];

/**
 * Our own indexes: every list filters on sync_id first and pages in rowid order, so each leads with sync_id (an
 * index's entries for equal keys are in rowid order, which keeps keyset pages cheap).
 */
const EXTRA_INDEXES: readonly string[] = [
  'CREATE INDEX IF NOT EXISTS idx_parity_resource_types_sync on v1_resource_types (sync_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_resources_sync on v1_resources (sync_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_resources_sync_type on v1_resources (sync_id, resource_type_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_resources_sync_parent on v1_resources (sync_id, parent_resource_type_id, parent_resource_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_entitlements_sync on v1_entitlements (sync_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_entitlements_sync_resource on v1_entitlements (sync_id, resource_type_id, resource_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_grants_sync on v1_grants (sync_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_grants_sync_resource on v1_grants (sync_id, resource_type_id, resource_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_grants_sync_entitlement on v1_grants (sync_id, entitlement_id, principal_resource_type_id, principal_resource_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_grants_sync_principal on v1_grants (sync_id, principal_resource_type_id, principal_resource_id)',
  'CREATE INDEX IF NOT EXISTS idx_parity_assets_sync on v1_assets (sync_id)',
];

/** Columns that very old files lack and the Go SDK adds by migration, with their DDL. */
const SYNC_RUN_MIGRATIONS: readonly (readonly [string, string])[] = [
  ['sync_type', "ALTER TABLE v1_sync_runs ADD COLUMN sync_type text not null default 'full'"],
  ['parent_sync_id', "ALTER TABLE v1_sync_runs ADD COLUMN parent_sync_id text not null default ''"],
];

/** The columns this engine reads and writes, per table; a file whose tables lack one is not a c1z v1 store (CORRUPTION). */
const REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  v1_resource_types: ['id', 'external_id', 'data', 'sync_id', 'discovered_at'],
  v1_resources: ['id', 'resource_type_id', 'external_id', 'parent_resource_type_id', 'parent_resource_id', 'data', 'sync_id', 'discovered_at'],
  v1_entitlements: ['id', 'resource_type_id', 'resource_id', 'external_id', 'data', 'sync_id', 'discovered_at'],
  v1_grants: [
    'id',
    'resource_type_id',
    'resource_id',
    'entitlement_id',
    'principal_resource_type_id',
    'principal_resource_id',
    'external_id',
    'data',
    'sync_id',
    'discovered_at',
  ],
  v1_sync_runs: ['id', 'sync_id', 'started_at', 'ended_at', 'sync_token', 'sync_type', 'parent_sync_id'],
  v1_assets: ['id', 'external_id', 'content_type', 'data', 'sync_id', 'discovered_at'],
};

/** Returns the column names of a table (empty when the table does not exist). */
export function tableColumns(db: Database, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);
}

/** Returns every table of the database that has a sync_id column, known or foreign. */
export function syncScopedTables(db: Database): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { name: string }[];
  return tables.map((t) => t.name).filter((name) => tableColumns(db, name).includes('sync_id'));
}

/** Quotes an SQL identifier (table and column names read from the schema, never values). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Names the first table or column of SPEC §8 a file lacks (before migrations), or undefined when none is missing. */
export function missingColumn(db: Database): string | undefined {
  const migrated = new Set(SYNC_RUN_MIGRATIONS.map(([column]) => `v1_sync_runs.${column}`));
  for (const [table, required] of Object.entries(REQUIRED_COLUMNS)) {
    const present = new Set(tableColumns(db, table));
    if (present.size === 0) return `table ${table}`;
    const missing = required.find((c) => !present.has(c) && !migrated.has(`${table}.${c}`));
    if (missing !== undefined) return `column ${table}.${missing}`;
  }
  return undefined;
}

/** Creates the whole v1 schema of the Go SDK in a new, empty file. */
export function createV1Schema(db: Database): void {
  db.transaction(() => {
    for (const [, ddl, indexes] of V1_TABLES) {
      db.exec(ddl);
      for (const index of indexes) db.exec(index);
    }
  })();
}

/** Adds the sync-run columns that the Go SDK adds by migration to old files; changes nothing else of the schema. */
export function migrateV1Schema(db: Database): void {
  const runColumns = tableColumns(db, 'v1_sync_runs');
  for (const [column, ddl] of SYNC_RUN_MIGRATIONS) if (!runColumns.includes(column)) db.exec(ddl);
}

/** Creates this engine's helper indexes (working copy only: they are dropped before a file is saved). */
export function createHelperIndexes(db: Database): void {
  db.transaction(() => {
    for (const index of EXTRA_INDEXES) db.exec(index);
  })();
}
