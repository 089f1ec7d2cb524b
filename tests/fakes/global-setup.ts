import type { TestProject } from 'vitest/node'
import { startFakeKaraden } from './karaden'
import { startFakeLine } from './line'
import { startFakeResend } from './resend'
import { startFakeTwilio } from './twilio'

declare module 'vitest' {
  export interface ProvidedContext {
    fakeResendUrl: string
    fakeLineUrl: string
    fakeTwilioUrl: string
    fakeKaradenUrl: string
  }
}

/** Starts the fake providers on 127.0.0.1 for the whole run; workerd reaches them by URL. */
export default async function setup(project: TestProject) {
  const [resend, line, twilio, karaden] = await Promise.all([
    startFakeResend(),
    startFakeLine(),
    startFakeTwilio(),
    startFakeKaraden(),
  ])
  project.provide('fakeResendUrl', resend.url)
  project.provide('fakeLineUrl', line.url)
  project.provide('fakeTwilioUrl', twilio.url)
  project.provide('fakeKaradenUrl', karaden.url)
  return async () => {
    await Promise.all([resend.close(), line.close(), twilio.close(), karaden.close()])
  }
}
