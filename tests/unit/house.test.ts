import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The house's rules, checked on every run so the layout cannot quietly decay: no import cycles
// anywhere, no two folders of edge/ importing each other, the sides importing only what design.md
// allows, and every place the README's "where things live" table names exists.

const root = resolve(import.meta.dirname, '../..')
const sides = ['shared', 'cms', 'edge', 'seed', 'dev', 'cli', 'bench']
const skipped = /(^|\/)(node_modules|\.next|migrations|app)(\/|$)|\.generated\.ts$|payload-types\.ts$/

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (skipped.test(path)) return []
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const specifiers = /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

function resolveImport(from: string, spec: string): string | null {
  const base = join(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate
  return null
}

/** Every relative import of our own files, type-only ones included. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8')
    const targets = [...text.matchAll(specifiers)]
      .map((m) => resolveImport(file, m[1] ?? m[2]!))
      .filter((t): t is string => t !== null)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** Strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    order.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!))
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!order.has(v)) visit(v)
  return found
}

/** The room a file lives in: its folder under edge/ (a file at edge/'s top is a room of its own). */
const edgeRoom = (file: string) => relative('edge', file).split('/')[0]!

const files = sides.flatMap(sourceFiles)
const graph = importGraph(files)

describe('the house', () => {
  it('reads the code it judges', () => {
    expect(files.filter((f) => f.startsWith('edge/')).length).toBeGreaterThan(100)
    expect(graph.get('edge/app.ts')?.length).toBeGreaterThan(10)
  })

  it('has no import cycles, type-only imports included', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('has no two edge/ folders importing each other', () => {
    const edges = new Set<string>()
    for (const [from, targets] of graph)
      for (const to of targets)
        if (from.startsWith('edge/') && to.startsWith('edge/') && edgeRoom(from) !== edgeRoom(to))
          edges.add(`${edgeRoom(from)} -> ${edgeRoom(to)}`)
    const both = [...edges].filter((e) => {
      const [a, b] = e.split(' -> ')
      return a! < b! && edges.has(`${b} -> ${a}`)
    })
    expect(both).toEqual([])
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
