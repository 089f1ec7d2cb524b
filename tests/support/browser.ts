// A real headless Chromium for the browser tests (and `npm run screenshots`): the one shipped inside
// the @sparticuz/chromium npm package, so every machine runs the same browser from `npm install`
// alone — no apt package, no download at test time. CHROMIUM_PATH picks another (e.g.
// /usr/bin/chromium). Japanese is drawn in Noto Sans JP from the @embedpdf/fonts-jp npm package,
// added to the system's fontconfig for the browser alone: without a CJK font every character is a
// 10 px box, and the 360 px fit checks would measure boxes, not text.
//
// @sparticuz/chromium's own `args` are for AWS Lambda and are not used: they include
// --single-process (Lambda's seccomp forbids the sandbox's prctl), and in a single process closing
// one BrowserContext ends the browser, so a test that opens a second context (a second person
// signed in beside the first) loses every page when that context closes. They also turn off web
// security (--disable-web-security, --allow-running-insecure-content), which a test of real pages
// must not. Its binary needs none of them here: --no-sandbox is enough as root.
import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { ownTemp } from './own-temp'

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
  // The package unpacks itself into the temp folder once and then reuses whatever `chromium` is
  // there, even another user's copy it cannot run: each user unpacks into a folder of their own.
  const folder = ownTemp('yorisoi-browser')
  const unpacked = join(folder, 'chromium')
  if (existsSync(unpacked)) return unpacked
  const previous = process.env.TMPDIR
  process.env.TMPDIR = folder
  try {
    return await (await import('@sparticuz/chromium')).default.executablePath()
  } finally {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
  }
}

/** A fontconfig file: the system's own configuration, plus the Japanese fonts from npm. */
function fontConfig(): string {
  // The package exports only its script (dist/); the fonts sit beside it.
  const fonts = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-jp')), '..', 'fonts')
  const dir = ownTemp('yorisoi-fontconfig')
  const file = join(dir, 'fonts.conf')
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n` +
      `  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  )
  return file
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await browserPath(),
    headless: true,
    args: flags,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig() },
  })
}

/** A phone-sized page, as most residents read on. */
export const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'ja-JP' }
