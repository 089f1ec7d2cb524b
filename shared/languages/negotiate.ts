// Which offered language a browser asks for (its Accept-Language), by the registry's tags. Pure.

// Browsers send regional tags; the registry has one tag per written language.
const aliases: Readonly<Record<string, string>> = {
  zh: 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  'zh-hans': 'zh-Hans',
  pt: 'pt-BR',
  fil: 'tl',
}

function matchOne(range: string, offered: readonly string[]): string | undefined {
  const lower = range.toLowerCase()
  const exact = offered.find((tag) => tag.toLowerCase() === lower)
  if (exact) return exact
  const alias = aliases[lower] ?? aliases[lower.split('-')[0] ?? '']
  if (alias && offered.includes(alias)) return alias
  const primary = lower.split('-')[0]
  return offered.find((tag) => tag.toLowerCase() === primary)
}

/** The first offered language the header asks for, by its q order; undefined when none. */
export function negotiateLanguage(
  header: string | undefined,
  offered: readonly string[],
): string | undefined {
  if (!header) return undefined
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { range: range.trim(), q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter((r) => r.range && r.range !== '*' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { range } of ranges) {
    const found = matchOne(range, offered)
    if (found) return found
  }
  return undefined
}
