// npm run house [-- --root DIR]: the figures of the house — edge/ folder pairs that import each
// other, import cycles, source files over 300 lines and the largest functions. The same graph
// is held against the rules in tests/unit/house.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const sides = ['shared', 'cms', 'edge', 'seed', 'dev', 'cli', 'bench'] as const
const skipped = /(^|\/)(node_modules|\.next|migrations|app)(\/|$)|\.generated\.ts$|payload-types\.ts$/

/** Our TypeScript files under `dir` (generated files, migrations and the Next app left out). */
export function sourceFiles(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return []
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (skipped.test(path)) return []
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const specifiers =
  /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

function resolveImport(root: string, from: string, spec: string): string | null {
  const base = join(dirname(from), spec)
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate
  return null
}

/** Every relative import of our own files, type-only ones included: file -> files it imports. */
export function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8')
    const targets = [...text.matchAll(specifiers)]
      .map((m) => resolveImport(root, file, m[1] ?? m[2]!))
      .filter((t): t is string => t !== null)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
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
    if (low.get(v) !== order.get(v)) return
    const component: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort())
  }
  for (const v of graph.keys()) if (!order.has(v)) visit(v)
  return found
}

/** The room a file of edge/ lives in: its folder (a file at edge/'s top is a room of its own). */
export const edgeRoom = (file: string) => relative('edge', file).split('/')[0]!

/** Pairs of edge/ rooms that import each other, as "a <-> b". */
export function edgeRoomPairs(graph: Map<string, string[]>): string[] {
  const arrows = new Set<string>()
  for (const [from, targets] of graph)
    for (const to of targets)
      if (from.startsWith('edge/') && to.startsWith('edge/') && edgeRoom(from) !== edgeRoom(to))
        arrows.add(`${edgeRoom(from)} -> ${edgeRoom(to)}`)
  return [...arrows]
    .map((arrow) => arrow.split(' -> ') as [string, string])
    .filter(([a, b]) => a < b && arrows.has(`${b} -> ${a}`))
    .map(([a, b]) => `${a} <-> ${b}`)
}

/** Functions (declarations, methods, arrows) with their length in lines, longest first. */
export function functionLengths(root: string, files: readonly string[]) {
  const found: { where: string; lines: number }[] = []
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(root, file), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    )
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)'
        found.push({ where: `${file}:${first + 1} ${name}`, lines: last - first + 1 })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found.sort((a, b) => b.lines - a.lines)
}

function main(root: string) {
  const files = sides.flatMap((side) => sourceFiles(root, side))
  const graph = importGraph(root, files)
  const long = files
    .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n').length }))
    .filter((f) => f.lines > 300)
  const functions = functionLengths(root, files)
  console.log(
    JSON.stringify(
      {
        files: files.length,
        edgeFolderPairsImportingEachOther: edgeRoomPairs(graph),
        importCycles: cycles(graph),
        filesOver300Lines: long,
        largestFunctions: functions.slice(0, 5),
      },
      null,
      2,
    ),
  )
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const at = process.argv.indexOf('--root')
  main(resolve(at > 0 ? process.argv[at + 1]! : resolve(import.meta.dirname, '..')))
}
