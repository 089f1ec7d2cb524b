import { resolve } from 'node:path'
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
      dev: ['dev', 'seed', 'shared', 'cms', 'edge', 'tests'],
      cli: ['cli', 'shared', 'edge'],
      bench: ['bench', 'shared', 'edge', 'cms', 'seed', 'dev', 'tests'],
    }
    const wrong = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => !allowed[sideOf(from)]!.includes(sideOf(to))).map((to) => `${from} -> ${to}`),
    )
    expect(wrong).toEqual([])
  })
})
