import { describe, expect, it } from 'vitest'
import { buildCmsConfig } from '../../cms/config/build'

// Staff of a town read 自治体 (municipality) everywhere, never the engineers' テナント (tenant).

/** Every Japanese string under a config value: labels `{ ja: … }` and translation tables. */
function japanese(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return []
  seen.add(value)
  const own =
    'ja' in value && typeof (value as { ja: unknown }).ja === 'string' ? [(value as { ja: string }).ja] : []
  return [...own, ...Object.values(value).flatMap((child) => japanese(child, seen))]
}

describe('the words on Japanese screens', () => {
  it('say 自治体, never テナント: the collections, their fields and the multi-tenant plugin', async () => {
    const config = await buildCmsConfig({
      databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
      logLevel: 'silent',
    })
    const plugin = Object.values(
      (config.i18n.translations as Record<string, Record<string, Record<string, string>>>).ja?.[
        'plugin-multi-tenant'
      ] ?? {},
    )
    const labels = japanese(config.collections)
    expect(plugin.length).toBeGreaterThan(0)
    expect(labels.length).toBeGreaterThan(50)
    expect([...plugin, ...labels].filter((text) => text.includes('テナント'))).toEqual([])
  })
})
