import { Bar } from '@visx/shape'
import { labelColumnWidth, labelFontSize, labelLineHeight, labelLines } from './chart-labels'
import type { Table } from './table'

// Series told apart by fill pattern and named in the legend, not by colour: readable in grey-scale
// and on a black-and-white printer.
const patterns = [
  { id: 'solid', body: <rect width="8" height="8" fill="#333" /> },
  { id: 'diagonal', body: <path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="#333" strokeWidth="2" /> },
  { id: 'dots', body: <circle cx="4" cy="4" r="1.8" fill="#333" /> },
  { id: 'cross', body: <path d="M0,4 H8 M4,0 V8" stroke="#333" strokeWidth="1.5" /> },
]

const patternOf = (series: number) => patterns[series % patterns.length]?.id ?? 'solid'

const barHeight = 14
const plotWidth = 360
/** Room between a label's end and its bars. */
const gap = 6

/** What a row's label reads beside its bars: the Japanese half (the table under it has both). */
const shortLabel = (cell: unknown) => String(cell).split(' / ')[0] ?? ''

/**
 * A horizontal bar chart of a table: one group per row, one bar per charted column, each bar
 * labelled with its value. A suppressed count draws no bar, only its words (「5未満」). The label
 * column is as wide as its labels need (within bounds); a longer label wraps, and past three
 * lines is cut with 「…」: the whole label is the row's tooltip and the table's first cell.
 */
export function Chart({ table }: { table: Table }) {
  const series = table.chart ?? []
  if (series.length === 0 || table.rows.length === 0) return null
  const values = table.rows.flatMap((row) => series.map((i) => row[i])).filter((v) => typeof v === 'number')
  const max = Math.max(1, ...values)
  const labels = table.rows.map((row) => shortLabel(row[0]))
  const labelWidth = labelColumnWidth(labels)
  const lines = labels.map((label) =>
    labelLines(label, labelWidth - gap).map((text, i) => ({ text, first: i === 0, key: `${i}:${text}` })),
  )
  const groups = lines.map((l) => Math.max(series.length * barHeight, l.length * labelLineHeight) + 8)
  const tops = groups.map((_, r) => groups.slice(0, r).reduce((a, b) => a + b, 0))
  const height = groups.reduce((a, b) => a + b, 0) + 8
  const width = labelWidth + plotWidth + 60
  const id = (pattern: string) => `${table.key}-${pattern}`
  return (
    <figure style={{ margin: '0 0 0.5rem' }} data-chart={table.key}>
      <svg
        role="img"
        aria-label={`${table.title}（グラフ。数値は下の表にあります / chart; the figures are in the table below）`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: '100%', height: 'auto' }}
      >
        <defs>
          {patterns.map((p) => (
            <pattern key={p.id} id={id(p.id)} width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill="#fff" />
              {p.body}
            </pattern>
          ))}
        </defs>
        {table.rows.map((row, r) => (
          <g key={String(row[0])} transform={`translate(0, ${(tops[r] ?? 0) + 4})`} data-row={r}>
            <title>{String(row[0])}</title>
            <text
              x={labelWidth - gap}
              y={((groups[r] ?? 0) - 8) / 2 - (((lines[r]?.length ?? 1) - 1) * labelLineHeight) / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={labelFontSize}
            >
              {(lines[r] ?? []).map((line) => (
                <tspan key={line.key} x={labelWidth - gap} dy={line.first ? 0 : labelLineHeight}>
                  {line.text}
                </tspan>
              ))}
            </text>
            {series.map((column, s) => {
              const value = row[column]
              const y = s * barHeight
              const length = typeof value === 'number' ? (value / max) * plotWidth : 0
              return (
                <g key={column}>
                  <Bar
                    x={labelWidth}
                    y={y}
                    width={length}
                    height={barHeight - 3}
                    fill={`url(#${id(patternOf(s))})`}
                    stroke="#333"
                  />
                  <text
                    x={labelWidth + length + 4}
                    y={y + barHeight / 2}
                    dominantBaseline="middle"
                    fontSize="10"
                  >
                    {String(value)}
                  </text>
                </g>
              )
            })}
          </g>
        ))}
      </svg>
      {series.length > 1 ? (
        <figcaption style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', fontSize: '0.85em' }}>
          {series.map((column, s) => (
            <span key={column}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={`url(#${id(patternOf(s))})`} stroke="#333" />
              </svg>{' '}
              {table.columns[column]}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  )
}
