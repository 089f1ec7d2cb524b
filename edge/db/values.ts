/** Bound parameters D1 allows a statement. */
export const maxParameters = 100

export interface ValuesChunk {
  /** `(?6), (?7), …`: one row a parameter, numbered after the statement's own parameters. */
  sql: string
  /** Each row: a string as itself (`column1`), an array as JSON (`column1 ->> 0`, `column1 ->> 1`, …). */
  parameters: string[]
}

/**
 * Rows handed to SQL as a VALUES list, one parameter a row, in as few statements as D1's
 * parameter limit allows after `fixed` parameters of the statement's own. D1 counts each row that
 * json_each yields as a row read; the rows of a VALUES list it does not, so a statement over a
 * batch's residents or deliveries reads one row fewer for each of them.
 */
export function valuesChunks(rows: readonly (string | readonly unknown[])[], fixed: number): ValuesChunk[] {
  const size = maxParameters - fixed
  const chunks: ValuesChunk[] = []
  for (let from = 0; from < rows.length; from += size) {
    const some = rows.slice(from, from + size)
    chunks.push({
      sql: some.map((_, i) => `(?${fixed + 1 + i})`).join(', '),
      parameters: some.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))),
    })
  }
  return chunks
}
