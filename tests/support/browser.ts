// A real headless Chromium for the e2e project: Debian's `chromium` when installed (it has the
// Japanese fonts for screenshots people look at), otherwise the one shipped inside the
// @sparticuz/chromium npm package — never a download at test time.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchBrowser(): Promise<Browser> {
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(system)) {
    return chromium.launch({ executablePath: system, headless: true, args: quietFlags })
  }
  const packaged = (await import('@sparticuz/chromium')).default
  return chromium.launch({
    executablePath: await packaged.executablePath(),
    headless: true,
    args: [...packaged.args, ...quietFlags],
  })
}

/** A phone-sized page, as most residents read on. */
export const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'ja-JP' }
