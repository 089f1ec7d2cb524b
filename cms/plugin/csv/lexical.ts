/** A Lexical document of plain paragraphs, as the admin editor would save it. */
export function lexicalFromParagraphs(paragraphs: readonly string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        // An empty paragraph has no text node, as the editor saves it.
        children: text
          ? [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }]
          : [],
      })),
    },
  }
}

type Node = { text?: unknown; children?: Node[]; root?: Node }

/** Each top-level block's text, for the spreadsheet (paragraphs joined by a blank line). */
export function paragraphsFromLexical(value: unknown): string[] {
  const root = (value as Node | null)?.root
  const textOf = (node: Node): string =>
    (typeof node.text === 'string' ? node.text : '') + (node.children ?? []).map(textOf).join('')
  return (root?.children ?? []).map(textOf).filter((text) => text.trim())
}
