type LexicalNode = { type?: string; text?: string; listType?: string; children?: LexicalNode[] }

const blockTypes = new Set(['paragraph', 'heading', 'quote', 'listitem'])

/** A message body as a reviewer reads it: one line per paragraph, list items marked ・. */
export function lexicalText(document: unknown): string {
  const root = (document as { root?: LexicalNode } | null)?.root
  if (!root) return ''
  const lines: string[] = []
  const inline = (node: LexicalNode): string =>
    node.type === 'linebreak' ? '\n' : (node.text ?? '') + (node.children ?? []).map(inline).join('')
  const walk = (node: LexicalNode) => {
    if (node.type && blockTypes.has(node.type)) {
      const text = (node.children ?? []).map(inline).join('')
      lines.push(node.type === 'listitem' ? `・${text}` : text)
      return
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk(root)
  return lines.join('\n')
}

/** What a reviewer compares: the subject, the body and the SMS text of one version. */
export function reviewText(version: { subject?: unknown; body?: unknown; shortText?: unknown }): string {
  return [
    `件名 / Subject: ${String(version.subject ?? '')}`,
    lexicalText(version.body),
    version.shortText ? `SMS: ${String(version.shortText)}` : '',
  ]
    .filter(Boolean)
    .join('\n')
}
