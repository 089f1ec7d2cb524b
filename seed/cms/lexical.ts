import { type Block, type Inline, type PortableBody, writeRubyMarkup } from '../../shared/contract'

// The sample content is written as the portable body; the CMS stores what its Lexical editor
// saves. This writes the Lexical document that cms/publish's lexicalToPortable reads back into the
// same portable body (placeholders as {{name}} text, readings as {漢字|かんじ} text, bold as format 1, links as custom links).

type LexicalNode = Record<string, unknown>

const BOLD = 1
const element = { format: '', indent: 0, version: 1, direction: 'ltr' as const }

function text(value: string, format = 0): LexicalNode {
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 }
}

function inlineNodes(inlines: readonly Inline[], format = 0): LexicalNode[] {
  return inlines.flatMap((inline): LexicalNode[] => {
    switch (inline.t) {
      case 'text':
        return [text(inline.v, format)]
      case 'ph':
        return [text(`{{${inline.name}}}`, format)]
      case 'ruby':
        return [text(writeRubyMarkup(inline.base, inline.reading), format)]
      case 'strong':
        return inlineNodes(inline.c, format | BOLD)
      default:
        return [
          {
            ...element,
            type: 'link',
            version: 3,
            fields: { url: inline.href, newTab: false, linkType: 'custom' },
            children: inlineNodes(inline.c, format),
          },
        ]
    }
  })
}

function blockNode(block: Block): LexicalNode {
  switch (block.t) {
    case 'p':
      return { ...element, type: 'paragraph', textFormat: 0, textStyle: '', children: inlineNodes(block.c) }
    case 'h':
      return { ...element, type: 'heading', tag: 'h3', children: inlineNodes(block.c) }
    case 'ul':
      return {
        ...element,
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        children: block.items.map((item, index) => ({
          ...element,
          type: 'listitem',
          value: index + 1,
          children: inlineNodes(item),
        })),
      }
  }
}

export function portableToLexical(body: PortableBody) {
  return { root: { ...element, type: 'root', children: body.blocks.map(blockNode) } }
}
