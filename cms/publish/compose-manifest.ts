import { bilingual, type Manifest, type PartRef } from '../../shared/contract'

/** Who may publish which part: editors and admins the national part, staff only their own tenants. */
export type PublishScope = { kind: 'national' } | { kind: 'tenant'; tenant: string }

export function scopeKey(ref: PartRef): string {
  return ref.kind === 'national' ? 'national' : `tenant:${ref.tenant}`
}

/**
 * The next manifest's parts: what is active, with the published parts put in place. Parts another
 * person publishes are left exactly as they are live, so publishing one tenant never touches the
 * national content or another tenant.
 */
export function composeParts(active: Manifest | null, published: readonly PartRef[]): PartRef[] | string {
  const replaced = new Map(published.map((ref) => [scopeKey(ref), ref]))
  const parts = (active?.parts ?? []).map((ref) => replaced.get(scopeKey(ref)) ?? ref)
  for (const ref of published) if (!parts.includes(ref)) parts.push(ref)
  if (!parts.some((ref) => ref.kind === 'national')) {
    return bilingual(
      '全国のメッセージがまだ公開されていません。先に編集者が全国パートを公開してください',
      'No national content is live yet; an editor must publish the national part first',
    )
  }
  return parts
}
