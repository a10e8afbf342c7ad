import prismaSchemaWasm from '@prisma/prisma-schema-wasm';
import { describeForeignKey, emptyTable, type Provider, type SchemaShape } from './schema-shape';

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[]; primaryKey: { fields: string[] } | null };
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: Array<{ name: string }> };
type Dmmf = { datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] } };

const columnTypes: Record<Provider, Record<string, string>> = {
  sqlite: {
    Int: 'INTEGER',
    BigInt: 'BIGINT',
    String: 'TEXT',
    Boolean: 'BOOLEAN',
    DateTime: 'DATETIME',
    Json: 'JSONB',
    Float: 'REAL',
    Decimal: 'DECIMAL',
    Bytes: 'BLOB',
  },
  postgresql: {
    Int: 'integer',
    BigInt: 'bigint',
    String: 'text',
    Boolean: 'boolean',
    DateTime: 'timestamp(3)',
    Json: 'jsonb',
    Float: 'double precision',
    Decimal: 'numeric(65,30)',
    Bytes: 'bytea',
  },
};

/** Parses a schema with Prisma's own parser (the WebAssembly build the CLI uses): the DMMF. */
export function readDmmf(schema: string): Dmmf {
  return JSON.parse(prismaSchemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
}

export type ReadDeclaredShapeOptions = { schema: string; provider: Provider };

/** What the schema says the database must contain, in the drift check's vocabulary. */
export function readDeclaredShape({ schema, provider }: ReadDeclaredShapeOptions): SchemaShape {
  const { models, indexes } = readDmmf(schema).datamodel;
  const tableOf = new Map(models.map((m) => [m.name, m.dbName ?? m.name]));
  const shape: SchemaShape = {};
  for (const model of models) {
    const table = emptyTable();
    const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
    const columns = (names: string[]) => names.map((n) => columnOf.get(n) ?? n);
    for (const field of model.fields.filter((f) => f.kind === 'scalar')) {
      const type = columnTypes[provider][field.type];
      if (!type) throw new Error(`${model.name}.${field.name}: type ${field.type} is not covered by the drift check`);
      table.columns[columnOf.get(field.name)!] = { type, nullable: !field.isRequired, default: declaredDefault(field) };
    }
    table.primaryKey = model.primaryKey
      ? columns(model.primaryKey.fields)
      : columns(model.fields.filter((f) => f.isId).map((f) => f.name));
    for (const index of indexes.filter((i) => i.model === model.name)) {
      const list = columns(index.fields.map((f) => f.name)).join(',');
      if (index.type === 'unique') table.uniques.push(list);
      if (index.type === 'normal') table.indexes.push(list);
    }
    for (const relation of model.fields.filter((f) => f.kind === 'object' && f.relationFromFields?.length)) {
      const target = models.find((m) => m.name === relation.type)!;
      const targetColumns = new Map(target.fields.map((f) => [f.name, f.dbName ?? f.name]));
      // Prisma's defaults: a required relation restricts deletes, an optional one nulls the column.
      const onDelete = relation.relationOnDelete ?? (relation.isRequired ? 'Restrict' : 'SetNull');
      table.foreignKeys.push(
        describeForeignKey(
          columns(relation.relationFromFields!),
          tableOf.get(relation.type)!,
          relation.relationToFields!.map((n) => targetColumns.get(n) ?? n),
          onDelete,
          relation.relationOnUpdate ?? 'Cascade',
        ),
      );
    }
    shape[tableOf.get(model.name)!] = table;
  }
  return shape;
}

/** Only defaults the database itself applies; cuid()/uuid() and @updatedAt are filled in by the client. */
function declaredDefault(field: DmmfField): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && 'name' in value) {
    const { name, args = [] } = value as { name: string; args?: unknown[] };
    if (name === 'autoincrement') return 'autoincrement';
    if (name === 'now') return 'now';
    if (name === 'dbgenerated') return `dbgenerated(${String(args[0] ?? '')})`;
    return null;
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}
