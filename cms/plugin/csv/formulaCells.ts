// OWASP CSV injection: a spreadsheet runs a cell that starts with one of these as a formula.
// Exported cells that start with one get a leading `'`, which spreadsheets show as text; so that the
// importer can take exactly that quote off again, a cell that already starts with such a quote gets
// one more.
const risky = /^[=+\-@\t\r]/
const quoted = /^'[=+\-@\t\r']/

export const neutraliseFormula = (cell: string): string =>
  risky.test(cell) || quoted.test(cell) ? `'${cell}` : cell

export const restoreFormula = (cell: string): string => (quoted.test(cell) ? cell.slice(1) : cell)
