/**
 * A database schema reduced to what the drift check compares, in one vocabulary for both what schema.prisma
 * declares and what a live database has. Types are canonical per provider (SQLite: declared type; PostgreSQL:
 * information_schema type), defaults are normalised ('autoincrement', 'now', literals), column lists keep order.
 */
export type ColumnShape = { type: string; nullable: boolean; default: string | null };

export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** Each entry is a column list such as `portalId,b24UserId`. */
  uniques: string[];
  indexes: string[];
  /** `portalId -> Portal(id) on delete CASCADE on update CASCADE` */
  foreignKeys: string[];
};

export type SchemaShape = Record<string, TableShape>;

export type Provider = 'sqlite' | 'postgresql';

/** Referential actions as both databases and Prisma name them, in one spelling. */
export function normaliseAction(action: string): string {
  const key = action.replace(/[\s_]/g, '').toLowerCase();
  const names: Record<string, string> = {
    cascade: 'CASCADE',
    setnull: 'SET NULL',
    setdefault: 'SET DEFAULT',
    restrict: 'RESTRICT',
    noaction: 'NO ACTION',
    c: 'CASCADE',
    n: 'SET NULL',
    d: 'SET DEFAULT',
    r: 'RESTRICT',
    a: 'NO ACTION',
  };
  return names[key] ?? action.toUpperCase();
}

export function describeForeignKey(
  columns: string[],
  table: string,
  references: string[],
  onDelete: string,
  onUpdate: string,
): string {
  return (
    `${columns.join(',')} -> ${table}(${references.join(',')}) on delete ${normaliseAction(onDelete)} on update ` +
    `${normaliseAction(onUpdate)}`
  );
}

export function emptyTable(): TableShape {
  return { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
}
