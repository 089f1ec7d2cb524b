'use client'
import { useNav, usePreferences, useWindowInfo } from '@payloadcms/ui'
import { PREFERENCE_KEYS } from 'payload/shared'
import { type ReactNode, useEffect, useRef, useState } from 'react'

/**
 * The navigation as a sidebar, open unless the person closed it, from 1025 px up (a 1280 px
 * laptop too), as Payload does above 1440 px.
 *
 * Payload 3 closes the navigation whenever the window is 1440 px or narrower (its NavProvider,
 * breakpoints fixed in its RootProvider) and keeps a toggle only above that; from 1025 px its
 * layout already draws an open navigation beside the page, not over it. So at laptop widths this
 * restores the person's choice (Payload's `nav` preference, read by the server: open unless
 * closed) after Payload closes it, and saves a toggle made there in the same preference. Below
 * 1025 px the navigation stays Payload's overlay, closed until opened.
 */
export function NavOpenOnLaptops({ children }: { children?: ReactNode }) {
  const { navOpen, setNavOpen } = useNav()
  const { setPreference } = usePreferences()
  const {
    breakpoints: { l: upTo1440, m: upTo1024 },
  } = useWindowInfo()
  const laptop = upTo1440 === true && upTo1024 === false
  // On the first render Payload's state is still the server's reading of the preference.
  const preferred = useRef(navOpen)
  const [restoring, setRestoring] = useState(false)

  // Payload closes the navigation in the same commit as a breakpoint change (a parent's effect
  // runs after this child's): restore in the next one.
  useEffect(() => {
    if (laptop) setRestoring(true)
  }, [laptop])

  useEffect(() => {
    if (!restoring) return
    setNavOpen(preferred.current)
    setRestoring(false)
  }, [restoring, setNavOpen])

  useEffect(() => {
    if (restoring) return
    if (upTo1440 === false) {
      // Above 1440 px Payload reads and saves the preference itself.
      preferred.current = navOpen
    } else if (laptop && navOpen !== preferred.current) {
      preferred.current = navOpen
      void setPreference(PREFERENCE_KEYS.NAV, { open: navOpen }, true)
    }
  }, [navOpen, laptop, upTo1440, restoring, setPreference])

  return children
}
