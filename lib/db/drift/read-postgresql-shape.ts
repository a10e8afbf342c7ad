import type { SqlConnection } from '../migrate/open-sql-connection';
import { describeForeignKey, emptyTable, type SchemaShape } from './schema-shape';

type ColumnRow = {
  table_name: string;
  column_name: string;
  data_type: string;
  datetime_precision: number | null;
  is_nullable: string;
  column_default: string | null;
};
type IndexRow = { table_name: string; is_unique: boolean; is_primary: boolean; columns: string };
type ForeignKeyRow = {
  table_name: string;
  ref_table: string;
  columns: string;
  ref_columns: string;
  on_delete: string;
  on_update: string;
};

/** What a live PostgreSQL schema (the connection's current_schema()) contains, from the catalogs. */
export async function readPostgresqlShape(connection: SqlConnection): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const tables = await connection.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = ` +
      `'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  for (const { table_name } of tables) shape[table_name] = emptyTable();
  const columns = await connection.query<ColumnRow>(
    `SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  for (const c of columns) {
    const table = shape[c.table_name];
    if (!table) continue;
    const type = c.data_type.startsWith('timestamp')
      ? `${c.data_type.includes('with time zone') ? 'timestamptz' : 'timestamp'}(${c.datetime_precision})`
      : c.data_type;
    table.columns[c.column_name] = {
      type,
      nullable: c.is_nullable === 'YES',
      default: normaliseDefault(c.column_default),
    };
  }
  const indexes = await connection.query<IndexRow>(
    `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
       FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema()`,
  );
  for (const index of indexes) {
    const table = shape[index.table_name];
    if (!table) continue;
    if (index.is_primary) table.primaryKey = index.columns.split(',');
    else (index.is_unique ? table.uniques : table.indexes).push(index.columns);
  }
  const keys = await connection.query<ForeignKeyRow>(
    `SELECT cl.relname AS table_name, fcl.relname AS ref_table,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class fcl ON fcl.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  for (const key of keys) {
    shape[key.table_name]?.foreignKeys.push(
      describeForeignKey(
        key.columns.split(','),
        key.ref_table,
        key.ref_columns.split(','),
        key.on_delete,
        key.on_update,
      ),
    );
  }
  return shape;
}

/** `nextval('"Call_id_seq"'::regclass)` → autoincrement, `'ru'::text` → 'ru', CURRENT_TIMESTAMP → now. */
function normaliseDefault(value: string | null): string | null {
  if (value === null) return null;
  if (/^nextval\(/i.test(value)) return 'autoincrement';
  if (/^(current_timestamp|now\(\))/i.test(value)) return 'now';
  return value.replace(/::[a-z ]+(\(\d+\))?$/i, '');
}
