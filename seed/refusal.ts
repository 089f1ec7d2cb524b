/** An expected reason not to seed (or publish): a person can act on `message`, no stack trace needed. */
export class SeedRefusal extends Error {
  constructor(
    readonly code: 'production-default-password' | 'non-seed-data' | 'publish-failed' | 'usage',
    message: string,
  ) {
    super(message)
    this.name = 'SeedRefusal'
  }
}

export const bilingual = (ja: string, en: string) => `${ja} / ${en}`
