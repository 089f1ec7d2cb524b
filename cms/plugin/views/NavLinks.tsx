import type { TypedUser } from 'payload'
import { screensFor } from './navigation'

/**
 * yorisoi's own screens this person can use, first in the navigation (above Payload's collections,
 * which already list the collections among them), drawn as Payload draws its own links.
 */
export function NavLinks({ adminRoute = '/admin', user }: { adminRoute?: string; user?: TypedUser | null }) {
  const links = screensFor(user).filter((link) => !link.path.startsWith('/collections/'))
  if (links.length === 0) return null
  return (
    <nav aria-label="寄り添いの画面 / yorisoi screens" style={{ marginBottom: 'calc(var(--base) * 0.75)' }}>
      {links.map((link) => (
        <a key={link.path} className="nav__link" href={`${adminRoute}${link.path}`}>
          <span className="nav__link-label">
            {link.ja} / {link.en}
          </span>
        </a>
      ))}
    </nav>
  )
}
