import { describe, expect, it } from 'vitest'
import { manifest, nationalPart, parseContract, snapshotPart, tenantPart } from '../../shared/contract'
import { fixtureNationalPart, fixtureSnapshot, fixtureTenantParts } from '../../shared/contract/fixture'
import { standardProgram } from '../../shared/program'

describe('the fixture snapshot', () => {
  it('validates part by part', () => {
    expect(parseContract(nationalPart, fixtureNationalPart)).toMatchObject({ ok: true })
    for (const part of fixtureTenantParts) expect(parseContract(tenantPart, part)).toMatchObject({ ok: true })
  })

  it('names one national part and one part per tenant in a valid manifest', async () => {
    const snapshot = await fixtureSnapshot()
    const result = parseContract(manifest, snapshot.manifest)
    expect(result).toMatchObject({ ok: true })
    expect(snapshot.manifest.parts.map((p) => (p.kind === 'tenant' ? p.tenant : p.kind))).toEqual([
      'national',
      'sakura-city',
      'minato-town',
    ])
  })

  it('round-trips each part through its canonical text unchanged', async () => {
    const snapshot = await fixtureSnapshot()
    for (const part of snapshot.parts) {
      const parsed = parseContract(snapshotPart, JSON.parse(part.canonical))
      expect(parsed.ok).toBe(true)
      if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(part.canonical))
    }
  })

  it('gives a tenant that names no time zone Asia/Tokyo', () => {
    const [sakura] = fixtureTenantParts
    const { timeZone: _dropped, ...settings } = sakura!.tenant
    const result = parseContract(tenantPart, { ...sakura, tenant: settings })
    expect(result.ok && result.value.tenant.timeZone).toBe('Asia/Tokyo')
  })

  it('accepts a tenant running its own program, as the engine defines one', () => {
    const part = structuredClone(fixtureTenantParts[0]!)
    const program = { ...standardProgram, loss: { ...standardProgram.loss, days: [1, 7, 30] } }
    part.tenant.program = { kind: 'custom', program }
    expect(parseContract(tenantPart, part)).toMatchObject({ ok: true })
  })
})
