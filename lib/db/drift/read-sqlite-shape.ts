import type { SqlConnection } from '../migrate/open-sql-connection';
import { describeForeignKey, emptyTable, type SchemaShape } from './schema-shape';

type ColumnRow = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
type IndexRow = { name: string; unique: number; origin: string };
type ForeignKeyRow = {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What a live SQLite database contains, from sqlite_master and the table/index/foreign-key pragmas. */
export async function readSqliteShape(connection: SqlConnection): Promise<SchemaShape> {
  const tables = await connection.query<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ` +
      `'_prisma_migrations' ORDER BY name`,
  );
  const shape: SchemaShape = {};
  for (const { name, sql } of tables) {
    const table = emptyTable();
    const columns = await connection.query<ColumnRow>(`PRAGMA table_info(${quote(name)})`);
    const autoincrement = /\bAUTOINCREMENT\b/i.test(sql);
    for (const column of columns) {
      const isRowidAlias =
        column.pk === 1 && columns.filter((c) => c.pk > 0).length === 1 && /^INTEGER$/i.test(column.type);
      table.columns[column.name] = {
        type: column.type.toUpperCase(),
        nullable: column.notnull === 0 && column.pk === 0,
        default: isRowidAlias && autoincrement ? 'autoincrement' : normaliseDefault(column.dflt_value),
      };
    }
    table.primaryKey = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    for (const index of await connection.query<IndexRow>(`PRAGMA index_list(${quote(name)})`)) {
      if (index.origin === 'pk') continue;
      const parts = await connection.query<{ seqno: number; name: string }>(`PRAGMA index_info(${quote(index.name)})`);
      const list = parts
        .sort((a, b) => a.seqno - b.seqno)
        .map((p) => p.name)
        .join(',');
      (index.unique ? table.uniques : table.indexes).push(list);
    }
    const keys = new Map<number, ForeignKeyRow[]>();
    for (const row of await connection.query<ForeignKeyRow>(`PRAGMA foreign_key_list(${quote(name)})`)) {
      keys.set(row.id, [...(keys.get(row.id) ?? []), row]);
    }
    for (const rows of keys.values()) {
      rows.sort((a, b) => a.seq - b.seq);
      table.foreignKeys.push(
        describeForeignKey(
          rows.map((r) => r.from),
          rows[0]!.table,
          rows.map((r) => r.to),
          rows[0]!.on_delete,
          rows[0]!.on_update,
        ),
      );
    }
    shape[name] = table;
  }
  return shape;
}

function normaliseDefault(value: string | null): string | null {
  if (value === null) return null;
  if (/^current_timestamp$/i.test(value)) return 'now';
  return value;
}
