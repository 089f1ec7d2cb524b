import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/**
 * Payload indexes the rows of a hasMany text or number field (`*_texts`, `*_numbers`) on
 * (order, parent_id) only, so every read of a document scans the whole table for its rows: reading
 * all 1,626 sample messages took seconds and each save got slower as the table grew. An index on
 * parent_id alone makes each document's rows one index lookup.
 */
export const indexParentsOfHasManyRows: SchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!/_(texts|numbers)$/.test(name) || !('parent' in table)) continue
    extendTable({
      table,
      extraConfig: (columns) => ({ parentIdx: index(`${name}_parent_idx`).on(columns.parent) }),
    })
  }
  return schema
}
