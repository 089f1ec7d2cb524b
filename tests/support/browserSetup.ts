import { browserPath } from './browser'

// @sparticuz/chromium unpacks its browser into this user's temp folder on first use, not
// atomically. vitest runs the projects' globalSetups one after another before any test file, so
// the e2e and system projects unpack it here, in turn, instead of two test files racing for a
// half-written binary.
export default async function setup() {
  await browserPath()
}
