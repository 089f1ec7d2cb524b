/** Links to yorisoi's own admin views, below the collections in the navigation. */
export function NavLinks({ adminRoute = '/admin' }: { adminRoute?: string }) {
  return (
    <nav style={{ display: 'grid', gap: '0.25rem', marginTop: '1rem' }}>
      <a href={`${adminRoute}/review-queue`}>監修待ち / Review queue</a>
      <a href={`${adminRoute}/coverage`}>カバレッジ / Coverage</a>
      <a href={`${adminRoute}/resident-preview`}>住民プレビュー / Resident preview</a>
      <a href={`${adminRoute}/publish`}>公開 / Publish</a>
      <a href={`${adminRoute}/families`}>ご家族 / Families</a>
    </nav>
  )
}
