import type { TestProject } from 'vitest/node'
import { startFakeLine } from './line'
import { startFakeResend } from './resend'
import { startFakeTwilio } from './twilio'

declare module 'vitest' {
  export interface ProvidedContext {
    fakeResendUrl: string
    fakeLineUrl: string
    fakeTwilioUrl: string
  }
}

/** Starts the fake providers on 127.0.0.1 for the whole run; workerd reaches them by URL. */
export default async function setup(project: TestProject) {
  const [resend, line, twilio] = await Promise.all([startFakeResend(), startFakeLine(), startFakeTwilio()])
  project.provide('fakeResendUrl', resend.url)
  project.provide('fakeLineUrl', line.url)
  project.provide('fakeTwilioUrl', twilio.url)
  return async () => {
    await Promise.all([resend.close(), line.close(), twilio.close()])
  }
}
