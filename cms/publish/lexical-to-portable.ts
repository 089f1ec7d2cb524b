import {
  type Block,
  bilingual,
  type Inline,
  type PlaceholderName,
  type PortableBody,
  placeholderNames,
  portableBody,
  unbalancedRuby,
} from '../../shared/contract'

// The CMS stores what the Lexical editor saves; the edge only understands the portable body.
// Anything the portable form cannot say is reported, never silently dropped.

export type Conversion = { ok: true; body: PortableBody } | { ok: false; problems: string[] }

type LexicalNode = {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  url?: string
  fields?: { url?: string; linkType?: string }
  children?: LexicalNode[]
}

const BOLD = 1
const known = new Set<string>(placeholderNames)

export function lexicalToPortable(document: unknown): Conversion {
  const problems: string[] = []
  const root = (document as { root?: LexicalNode } | null)?.root
  if (!root || !Array.isArray(root.children)) {
    return {
      ok: false,
      problems: [bilingual('本文が Lexical の文書ではありません', 'The body is not a Lexical document')],
    }
  }
  const blocks = root.children.flatMap((node) => blocksOf(node, problems))
  if (problems.length > 0) return { ok: false, problems }
  const parsed = portableBody.safeParse({ v: 1, blocks })
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) }
  return { ok: true, body: parsed.data }
}

function blocksOf(node: LexicalNode, problems: string[]): Block[] {
  switch (node.type) {
    case 'paragraph':
      // A line break starts a new paragraph: the portable form has no breaks inside one.
      return linesOf(node.children ?? [], problems).map((c) => ({ t: 'p', c }))
    case 'heading':
      return linesOf(node.children ?? [], problems).map((c) => ({ t: 'h', c }))
    case 'list': {
      const items = (node.children ?? []).map((item) => {
        if ((item.children ?? []).some((child) => child.type === 'list')) {
          problems.push(bilingual('入れ子の箇条書きは使えません', 'Nested lists cannot be sent'))
        }
        return inlinesOf(item.children ?? [], false, problems)
      })
      const filled = items.filter((item) => item.length > 0)
      return filled.length > 0 ? [{ t: 'ul', items: filled }] : []
    }
    default:
      problems.push(unsupported(node.type))
      return []
  }
}

function linesOf(children: LexicalNode[], problems: string[]): Inline[][] {
  const lines: LexicalNode[][] = [[]]
  for (const child of children) {
    if (child.type === 'linebreak') lines.push([])
    else lines.at(-1)!.push(child)
  }
  return lines.map((line) => inlinesOf(line, false, problems)).filter((line) => line.length > 0)
}

function inlinesOf(children: LexicalNode[], insideStrong: boolean, problems: string[]): Inline[] {
  const out: Inline[] = []
  for (const child of children) {
    if (child.type === 'text') {
      const pieces = withMarkup(child.text ?? '', problems)
      const bold = typeof child.format === 'number' && (child.format & BOLD) !== 0
      if (pieces.length === 0) continue
      if (bold && !insideStrong) out.push({ t: 'strong', c: pieces })
      else out.push(...pieces)
    } else if (child.type === 'link' || child.type === 'autolink') {
      const href = (child.fields?.url ?? child.url ?? '').trim()
      if (child.fields?.linkType === 'internal') {
        problems.push(
          bilingual(
            'CMS 内部へのリンクは送れません。URL を書いてください',
            'Internal CMS links cannot be sent; write a URL',
          ),
        )
        continue
      }
      const content = inlinesOf(child.children ?? [], insideStrong, problems)
      if (content.length > 0) out.push({ t: 'link', href, c: content })
    } else if (child.type === 'linebreak') {
      problems.push(bilingual('箇条書きの中で改行はできません', 'A list item cannot contain a line break'))
    } else {
      problems.push(unsupported(child.type))
    }
  }
  return mergeText(out)
}

// `{{name}}` is a placeholder, `{漢字|かんじ}` a reading (the field's description tells editors).
const markup = /\{\{([^{}]*)\}\}|\{([^{}|]+)\|([^{}|]+)\}/g

/** Splits placeholders and readings out of running text. */
function withMarkup(text: string, problems: string[]): Inline[] {
  const out: Inline[] = []
  const rest: string[] = []
  let last = 0
  const plain = (end: number) => {
    if (end <= last) return
    out.push({ t: 'text', v: text.slice(last, end) })
    rest.push(text.slice(last, end))
  }
  for (const match of text.matchAll(markup)) {
    plain(match.index)
    const [, name, base, reading] = match
    if (name === undefined) out.push({ t: 'ruby', base: base!.trim(), reading: reading!.trim() })
    else if (known.has(name.trim())) out.push({ t: 'ph', name: name.trim() as PlaceholderName })
    else
      problems.push(bilingual(`不明な差し込み項目 {{${name}}} があります`, `Unknown placeholder {{${name}}}`))
    last = match.index + match[0].length
  }
  plain(text.length)
  const unbalanced = unbalancedRuby(rest.join(' '))
  if (unbalanced) problems.push(unbalanced)
  return out
}

// Lexical splits a bold run wherever a placeholder or reading sits in it; the body keeps it whole.
function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = []
  for (const inline of inlines) {
    const previous = out.at(-1)
    if (inline.t === 'text' && previous?.t === 'text')
      out[out.length - 1] = { t: 'text', v: previous.v + inline.v }
    else if (inline.t === 'strong' && previous?.t === 'strong')
      out[out.length - 1] = { t: 'strong', c: mergeText([...previous.c, ...inline.c]) }
    else out.push(inline)
  }
  return out
}

function unsupported(type: string | undefined): string {
  return bilingual(
    `本文の「${type ?? '?'}」要素は送信できる形に変換できません（段落・見出し・箇条書き・太字・リンク・ルビのみ）`,
    `The body's "${type ?? '?'}" element cannot be sent (only paragraphs, headings, lists, bold, links and readings)`,
  )
}
