// Finds every fixed text residents read, as written in the code: the calls that word a page
// (bi, biInline, biText, bilingual, wording) and { ja, en } objects, in the folders that speak to
// residents. Their Japanese is the catalogues' key; a text built with ${…} cannot be a key and is
// reported so it is rewritten with {name} slots.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

export interface FoundWording {
  ja: string
  en: string
  where: string
}

export interface Extraction {
  wordings: FoundWording[]
  /** Texts built with ${…}: file:line. */
  dynamic: string[]
}

/** The folders whose texts residents read (staff-facing APIs and the CMS speak Japanese). */
export const residentFolders = [
  'edge/announcements',
  'edge/consultation',
  'edge/delivery',
  'edge/manage',
  'edge/registration',
  'edge/resident',
  'edge/surveys',
  'edge/tasks',
  'edge/verification',
  'edge/web',
  'edge/webhooks',
  'shared/compose',
  'shared/consultation',
  'shared/surveys',
]

/** Files in those folders that speak to editors or operators, in Japanese and English only. */
export const notResidentFacing = new Set(['shared/compose/fill.ts', 'shared/compose/problem.ts'])

const wordingCalls = new Set(['bi', 'biInline', 'biText', 'bilingual', 'wording'])

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : []
  })
}

function literal(node: ts.Node | undefined): string | undefined | null {
  if (!node) return undefined
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isTemplateExpression(node)) return null
  return undefined
}

export function extractWording(root: string, folders: readonly string[] = residentFolders): Extraction {
  const wordings: FoundWording[] = []
  const dynamic: string[] = []
  for (const folder of folders) {
    for (const path of files(join(root, folder))) {
      if (notResidentFacing.has(relative(root, path))) continue
      const text = readFileSync(path, 'utf8')
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
      const where = (node: ts.Node) =>
        `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
      const add = (node: ts.Node, ja: string | undefined | null, en: string | undefined | null) => {
        if (ja === null || en === null) dynamic.push(where(node))
        else if (ja !== undefined && en !== undefined) wordings.push({ ja, en, where: where(node) })
      }
      const visit = (node: ts.Node) => {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          wordingCalls.has(node.expression.text)
        )
          add(node, literal(node.arguments[0]), literal(node.arguments[1]))
        if (ts.isObjectLiteralExpression(node)) {
          const props = new Map<string, ts.Expression>()
          for (const p of node.properties)
            if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
              props.set(p.name.text, p.initializer)
          if (props.has('ja') && props.has('en'))
            add(node, literal(props.get('ja')), literal(props.get('en')))
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
  }
  return { wordings, dynamic }
}

/** Each Japanese key once, with its first English. */
export function uniqueWording(wordings: readonly FoundWording[]): FoundWording[] {
  const seen = new Map<string, FoundWording>()
  for (const w of wordings) if (!seen.has(w.ja)) seen.set(w.ja, w)
  return [...seen.values()]
}
