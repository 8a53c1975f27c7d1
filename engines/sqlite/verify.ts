/**
 * `verify()` for the SQLite engine: SQLite's own integrity check, then every record decoded and its extracted columns
 * compared with the decoded data, then references that point outside their sync (legal, reported apart).
 */
import type { Database } from 'better-sqlite3';
import type { VerifyProblem, VerifyReport } from '../../models/contract/api';
import { blobOf, syncRunOf, timeOf, type SyncRunRow } from './rows';
import { COLUMNS_FROM_BYTES, PROTO_KINDS } from './record-codec';
import { RECORD_TABLES } from './tables';

const DANGLING_QUERIES: readonly (readonly [string, string])[] = [
  [
    'grant entitlement',
    `SELECT g.sync_id AS sync_id, g.external_id AS id, g.entitlement_id AS ref FROM v1_grants g WHERE NOT EXISTS
     (SELECT 1 FROM v1_entitlements e WHERE e.external_id = g.entitlement_id AND e.sync_id = g.sync_id) ORDER BY g.id`,
  ],
  [
    'grant principal',
    `SELECT g.sync_id AS sync_id, g.external_id AS id, g.principal_resource_type_id || ':' || g.principal_resource_id AS ref
     FROM v1_grants g WHERE NOT EXISTS (SELECT 1 FROM v1_resources r WHERE r.external_id =
     g.principal_resource_type_id || ':' || g.principal_resource_id AND r.sync_id = g.sync_id) ORDER BY g.id`,
  ],
  [
    'entitlement resource',
    `SELECT e.sync_id AS sync_id, e.external_id AS id, e.resource_type_id || ':' || e.resource_id AS ref
     FROM v1_entitlements e WHERE NOT EXISTS (SELECT 1 FROM v1_resources r WHERE r.external_id =
     e.resource_type_id || ':' || e.resource_id AND r.sync_id = e.sync_id) ORDER BY e.id`,
  ],
];

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Checks the whole working database; never repairs. */
export function verifyDatabase(db: Database): VerifyReport {
  const problems: VerifyProblem[] = [];
  const dangling: VerifyProblem[] = [];
  let recordsChecked = 0;

  for (const row of db.pragma('integrity_check') as { integrity_check: string }[]) {
    if (row.integrity_check !== 'ok') problems.push({ kind: 'integrity', syncId: '', detail: row.integrity_check });
  }

  const syncIds = new Set<string>();
  const runSql = 'SELECT sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id FROM v1_sync_runs ORDER BY id';
  for (const row of db.prepare(runSql).iterate() as IterableIterator<SyncRunRow>) {
    syncIds.add(row.sync_id);
    try {
      syncRunOf(row);
    } catch (err) {
      problems.push({ kind: 'corrupt-record', syncId: row.sync_id, detail: `sync run: ${messageOf(err)}` });
    }
  }

  const orphan = (syncId: string, what: string): void => {
    if (!syncIds.has(syncId)) problems.push({ kind: 'orphan-record', syncId, detail: `${what} belongs to no sync run` });
  };

  for (const kind of PROTO_KINDS) {
    const t = RECORD_TABLES[kind];
    const sql = `SELECT id, sync_id, ${t.columns.join(', ')}, data, discovered_at FROM ${t.table} ORDER BY id`;
    for (const row of db.prepare(sql).iterate() as IterableIterator<Record<string, unknown>>) {
      recordsChecked += 1;
      const syncId = String(row.sync_id);
      const what = `${kind} ${String(row.external_id)} (row ${String(row.id)})`;
      orphan(syncId, what);
      let expected;
      try {
        timeOf(row.discovered_at, what);
        expected = COLUMNS_FROM_BYTES[kind](blobOf(row.data, what));
      } catch (err) {
        problems.push({ kind: 'corrupt-record', syncId, detail: `${what}: ${messageOf(err)}` });
        continue;
      }
      const stale = t.columns.filter((c) => (row[c] ?? null) !== expected[c]);
      if (stale.length > 0) {
        problems.push({ kind: 'stale-index', syncId, detail: `${what}: columns ${stale.join(', ')} disagree with data` });
      }
    }
  }

  const assetSql = 'SELECT id, sync_id, external_id, content_type, data, discovered_at FROM v1_assets ORDER BY id';
  for (const row of db.prepare(assetSql).iterate() as IterableIterator<Record<string, unknown>>) {
    recordsChecked += 1;
    const syncId = String(row.sync_id);
    const what = `asset ${String(row.external_id)} (row ${String(row.id)})`;
    orphan(syncId, what);
    try {
      timeOf(row.discovered_at, what);
      blobOf(row.data, what);
      if (typeof row.content_type !== 'string' || row.content_type === '') throw new Error('content type is not text');
    } catch (err) {
      problems.push({ kind: 'corrupt-record', syncId, detail: `${what}: ${messageOf(err)}` });
    }
  }

  for (const [what, sql] of DANGLING_QUERIES) {
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ sync_id: string; id: string; ref: string }>) {
      dangling.push({ kind: 'dangling-reference', syncId: row.sync_id, detail: `${what}: ${row.id} -> ${row.ref}` });
    }
  }

  return { ok: problems.length === 0, problems, dangling, recordsChecked };
}
