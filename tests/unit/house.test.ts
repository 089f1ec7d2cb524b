import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cycles, edgeRoomPairs, importGraph, sides, sourceFiles } from '../../dev/house'

// The house's rules, checked on every run so the layout cannot quietly decay: no import cycles
// anywhere (type-only imports included), no two folders of edge/ importing each other, and each
// side importing only what design.md allows. `npm run house` prints the same graph's figures.

const root = resolve(import.meta.dirname, '../..')
const files = sides.flatMap((side) => sourceFiles(root, side))
const graph = importGraph(root, files)

describe('the house', () => {
  it('reads the code it judges', () => {
    expect(files.filter((f) => f.startsWith('edge/')).length).toBeGreaterThan(100)
    expect(graph.get('edge/app.ts')?.length).toBeGreaterThan(10)
  })

  it('has no import cycles, type-only imports included', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('has no two edge/ folders importing each other', () => {
    expect(edgeRoomPairs(graph)).toEqual([])
  })

  it('finds a cycle and a folder pair when there is one', () => {
    const loop = new Map([
      ['edge/a/x.ts', ['edge/b/y.ts']],
      ['edge/b/y.ts', ['edge/a/x.ts']],
    ])
    expect(cycles(loop)).toEqual([['edge/a/x.ts', 'edge/b/y.ts']])
    expect(edgeRoomPairs(loop)).toEqual(['a <-> b'])
  })

  it('keeps each side to what it may import', () => {
    const sideOf = (file: string) => file.split('/')[0]!
    const allowed: Record<string, readonly string[]> = {
      shared: ['shared'],
      cms: ['cms', 'shared'],
      edge: ['edge', 'shared'],
      seed: ['seed', 'shared', 'cms', 'edge'],
      dev: ['dev', 'seed', 'shared', 'cms', 'edge', 'cli', 'tests'],
      cli: ['cli', 'shared', 'edge'],
      bench: ['bench', 'shared', 'edge', 'cms', 'seed', 'dev', 'tests'],
    }
    // `yorisoi coverage` reads the pure sample content generator, and nothing else of the seed.
    const sampleContent = (from: string, to: string) =>
      sideOf(from) === 'cli' && to.startsWith('seed/content/')
    const wrong = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((to) => !allowed[sideOf(from)]!.includes(sideOf(to)) && !sampleContent(from, to))
        .map((to) => `${from} -> ${to}`),
    )
    expect(wrong).toEqual([])
  })
})

describe("the README's where-things-live table", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Where things live'))
  const rows = [...section.matchAll(/^\| (.+?) \| `([^`]+)` \| `([^`]+)` \|$/gm)].map(
    ([, what, file, name]) => ({
      what: what!,
      file: file!,
      name: name!,
    }),
  )

  it('names the eight places a newcomer looks for first', () => {
    expect(rows.map((r) => r.what.split(' (')[0])).toEqual([
      'the stop link',
      'the SMS code check',
      'the survey reminder',
      'the consultation urgency notice',
      "a supervisor's approval",
      'the publish diff',
      "the daily run's paging of due subscribers",
      'the Resend adapter',
    ])
  })

  it.each(rows)('finds $what in $file', ({ file, name }) => {
    expect(existsSync(join(root, file))).toBe(true)
    expect(readFileSync(join(root, file), 'utf8')).toMatch(
      new RegExp(`(function|const|class|interface|type)\\s+${name}\\b`),
    )
  })
})
