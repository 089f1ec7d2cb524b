import type { TypedUser } from 'payload'
import { screensFor } from './navigation'

/** Links to yorisoi's own screens this person can use, below the collections in the navigation. */
export function NavLinks({ adminRoute = '/admin', user }: { adminRoute?: string; user?: TypedUser | null }) {
  const links = screensFor(user)
  if (links.length === 0) return null
  return (
    <nav
      aria-label="寄り添いの画面 / yorisoi screens"
      style={{ display: 'grid', gap: '0.25rem', marginTop: '1rem' }}
    >
      {links.map((link) => (
        <a key={link.path} href={`${adminRoute}${link.path}`}>
          {link.ja} / {link.en}
        </a>
      ))}
    </nav>
  )
}
