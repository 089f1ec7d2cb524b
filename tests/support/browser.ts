// A real headless Chromium for the browser tests (and `npm run screenshots`): the one shipped inside
// the @sparticuz/chromium npm package, so every machine runs the same browser from `npm install`
// alone — no apt package, no download at test time. CHROMIUM_PATH picks another (e.g.
// /usr/bin/chromium). Japanese text is drawn with whatever CJK font the system's fontconfig has
// (Debian: fonts-noto-cjk); without one it shows as boxes, which no assertion reads.
//
// @sparticuz/chromium's own `args` are for AWS Lambda and are not used: they include
// --single-process (Lambda's seccomp forbids the sandbox's prctl), and in a single process closing
// one BrowserContext ends the browser, so a test that opens a second context (a second person
// signed in beside the first) loses every page when that context closes. They also turn off web
// security (--disable-web-security, --allow-running-insecure-content), which a test of real pages
// must not. Its binary needs none of them here: --no-sandbox is enough as root.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** CHROMIUM_PATH, or the binary inside @sparticuz/chromium (unpacked on first use). */
export async function browserPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file`)
    return chosen
  }
  // Unpacks itself into the temp folder once (/tmp/chromium), then returns that path.
  return (await import('@sparticuz/chromium')).default.executablePath()
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await browserPath(), headless: true, args: flags })
}

/** A phone-sized page, as most residents read on. */
export const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'ja-JP' }
