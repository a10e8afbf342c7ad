import type { SchemaShape, TableShape } from './schema-shape';

export type CompareShapesOptions = { declared: SchemaShape; actual: SchemaShape };

/**
 * Every way the database differs from the schema, one readable line each ("declared" = schema.prisma,
 * "actual" = the database). An empty list means no drift.
 */
export function compareShapes({ declared, actual }: CompareShapesOptions): string[] {
  const problems: string[] = [];
  for (const name of union(Object.keys(declared), Object.keys(actual))) {
    const want = declared[name];
    const have = actual[name];
    if (!have) problems.push(`table ${name}: declared, missing in the database`);
    else if (!want) problems.push(`table ${name}: in the database, not declared`);
    else problems.push(...compareTables(name, want, have));
  }
  return problems;
}

function compareTables(table: string, want: TableShape, have: TableShape): string[] {
  const problems: string[] = [];
  for (const column of union(Object.keys(want.columns), Object.keys(have.columns))) {
    const w = want.columns[column];
    const h = have.columns[column];
    if (!h) problems.push(`column ${table}.${column}: declared, missing in the database`);
    else if (!w) problems.push(`column ${table}.${column}: in the database, not declared`);
    else {
      if (w.type !== h.type) problems.push(`column ${table}.${column}: type declared ${w.type}, actual ${h.type}`);
      if (w.nullable !== h.nullable)
        problems.push(
          `column ${table}.${column}: declared ${nullability(w.nullable)}, actual ${nullability(h.nullable)}`,
        );
      if (w.default !== h.default)
        problems.push(
          `column ${table}.${column}: default declared ${w.default ?? 'none'}, actual ${h.default ?? 'none'}`,
        );
    }
  }
  if (want.primaryKey.join(',') !== have.primaryKey.join(',')) {
    problems.push(
      `primary key ${table}: declared (${want.primaryKey.join(',')}), actual (${have.primaryKey.join(',')})`,
    );
  }
  const lists: Array<[string, keyof Pick<TableShape, 'uniques' | 'indexes' | 'foreignKeys'>]> = [
    ['unique index', 'uniques'],
    ['index', 'indexes'],
    ['foreign key', 'foreignKeys'],
  ];
  for (const [label, key] of lists) {
    for (const entry of want[key].filter((e) => !have[key].includes(e)))
      problems.push(`${label} ${table}(${entry}): declared, missing in the database`);
    for (const entry of have[key].filter((e) => !want[key].includes(e)))
      problems.push(`${label} ${table}(${entry}): in the database, not declared`);
  }
  return problems;
}

const nullability = (nullable: boolean) => (nullable ? 'NULL' : 'NOT NULL');
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
