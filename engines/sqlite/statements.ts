/** A cache of prepared statements keyed by their SQL text (the text is always built from fixed fragments). */
import type { Database, Statement } from 'better-sqlite3';

/** Prepares each distinct SQL text once per connection and hands back the cached statement afterwards. */
export class StatementCache {
  private readonly cache = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  /** The prepared statement for `sql`, prepared on first use. */
  get(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  /** Forgets every statement (after a schema change, or before closing). */
  clear(): void {
    this.cache.clear();
  }
}
