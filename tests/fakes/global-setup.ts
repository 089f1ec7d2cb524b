import type { TestProject } from 'vitest/node'
import { startFakeResend } from './resend'

declare module 'vitest' {
  export interface ProvidedContext {
    fakeResendUrl: string
  }
}

/** Starts the fake providers on 127.0.0.1 for the whole run; workerd reaches them by URL. */
export default async function setup(project: TestProject) {
  const resend = await startFakeResend()
  project.provide('fakeResendUrl', resend.url)
  return () => resend.close()
}
