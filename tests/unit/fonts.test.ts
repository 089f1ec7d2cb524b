import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fontLinks } from '../../edge/web/fonts'
import { languageRegistry } from '../../shared/languages'

// The fonts npm install builds (dev/fonts.ts) and the stylesheets a page links.
const assets = resolve(import.meta.dirname, '../../dist/assets')
const linked = (tag: string) => [...String(fontLinks(tag)).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)

describe('a page’s fonts', () => {
  it('draws a Burmese page in Noto Sans Myanmar first, the Japanese beneath in Noto Sans JP', () => {
    const head = String(fontLinks('my'))
    expect(linked('my')).toEqual([
      '/fonts/noto-sans-myanmar.css',
      '/fonts/noto-sans-jp.css',
      '/fonts/names.css',
    ])
    expect(head).toMatch(/body \{ font-family: "Noto Sans Myanmar", "Noto Sans JP",/)
    expect(head).toMatch(/:lang\(ja\) \{ font-family: "Noto Sans JP", system-ui, sans-serif; \}/)
  })

  it('links only Noto Sans JP (and the language names) for Japanese and やさしい日本語', () => {
    for (const tag of ['ja', 'ja-x-easy'])
      expect(linked(tag)).toEqual(['/fonts/noto-sans-jp.css', '/fonts/names.css'])
  })

  it('has a built stylesheet for every language, each font file it names there', () => {
    for (const { tag } of languageRegistry)
      for (const href of linked(tag)) {
        const css = resolve(assets, href.slice(1))
        expect(existsSync(css), `${href}: run npm run fonts`).toBe(true)
        const files = [...readFileSync(css, 'utf8').matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!)
        expect(files.length, href).toBeGreaterThan(0)
        for (const file of files) expect(existsSync(resolve(dirname(css), file)), file).toBe(true)
      }
  })
})
