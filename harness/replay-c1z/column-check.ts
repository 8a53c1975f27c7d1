/**
 * Checks a c1z's filter columns against its data: for every row of the four protobuf tables, the columns that Go
 * queries filter on (resource_type_id, resource_id, parent_*, entitlement_id, principal_*) must equal what the row's
 * protobuf bytes say. A disagreement is a finding about the file, not about an engine: readers that trust the
 * columns and readers that decode the bytes would answer differently.
 */
import type { Database } from 'better-sqlite3';
import { COLUMNS_FROM_BYTES, PROTO_KINDS } from '../../engines/sqlite/record-codec';
import { RECORD_TABLES } from '../../engines/sqlite/tables';

const READ_CHUNK = 1000;

/** One row whose column disagrees with its data (or whose data does not decode: `column` is `data`). */
export interface ColumnFinding {
  readonly table: string;
  readonly syncId: string;
  readonly externalId: string;
  readonly column: string;
  readonly columnValue: string | null;
  readonly dataValue: string | null;
}

/** What the check found: the first findings in full, and how many rows disagreed in all. */
export interface ColumnCheck {
  readonly rows: number;
  readonly findings: ColumnFinding[];
  readonly total: number;
}

/** The one-line text of a finding. */
export function describeFinding(f: ColumnFinding): string {
  if (f.column === 'data') return `${f.table} row external_id=${JSON.stringify(f.externalId)} (sync ${f.syncId}): data does not decode (${f.dataValue ?? ''})`;
  return (
    `${f.table} row external_id=${JSON.stringify(f.externalId)} (sync ${f.syncId}): column ${f.column} = ${JSON.stringify(f.columnValue)}` +
    ` but the data says ${JSON.stringify(f.dataValue)}`
  );
}

/** Reads every row of the protobuf tables in row-id chunks and compares each filter column with the decoded data. */
export function checkFilterColumns(db: Database, maxFindings = 20, onProgress?: (rows: number) => void): ColumnCheck {
  const findings: ColumnFinding[] = [];
  let total = 0;
  let rows = 0;
  const note = (f: ColumnFinding): void => {
    total += 1;
    if (findings.length < maxFindings) findings.push(f);
  };
  for (const kind of PROTO_KINDS) {
    const t = RECORD_TABLES[kind];
    const columns = t.columns.filter((c) => c !== 'external_id');
    if (columns.length === 0) continue;
    const fromBytes = COLUMNS_FROM_BYTES[kind];
    const stmt = db.prepare(`SELECT id, sync_id, external_id, data, ${columns.join(', ')} FROM ${t.table} WHERE id > ? ORDER BY id LIMIT ?`);
    let after = -Infinity;
    for (;;) {
      const chunk = stmt.all(after, READ_CHUNK) as Record<string, unknown>[];
      for (const row of chunk) {
        const where = { table: t.table, syncId: String(row.sync_id), externalId: String(row.external_id) };
        let expected: Readonly<Record<string, string | null>>;
        try {
          expected = fromBytes(row.data instanceof Uint8Array ? row.data : new Uint8Array());
        } catch (err) {
          note({ ...where, column: 'data', columnValue: null, dataValue: err instanceof Error ? err.message : String(err) });
          continue;
        }
        for (const column of columns) {
          const have = row[column] === undefined || row[column] === null ? null : String(row[column]);
          const want = expected[column] ?? null;
          // The Go SDK writes '' where this project writes NULL for a missing parent: both mean "none".
          if ((have ?? '') !== (want ?? '')) {
            note({ ...where, column, columnValue: have, dataValue: want });
            break;
          }
        }
      }
      rows += chunk.length;
      onProgress?.(rows);
      const tail = chunk[chunk.length - 1];
      if (tail === undefined || chunk.length < READ_CHUNK) break;
      after = tail.id as number;
    }
  }
  return { rows, findings, total };
}
