import { expect, inject, it } from 'vitest'
import type { AttackKind, AttemptReport } from './kinds'

declare module 'vitest' {
  export interface ProvidedContext {
    attackTallyUrl: string
    attackProject: string
  }
}

export interface Attempts {
  /**
   * One attempt: `check` makes it and asserts it was refused and changed nothing (it throws
   * otherwise). Counted as made before, as refused once `check` returned.
   */
  refused<T>(check: () => Promise<T> | T): Promise<T>
  readonly made: number
}

/** Tells the run's tally (tests/attack/support/tally.ts, a Node server) what one test did. */
async function report(entry: AttemptReport): Promise<void> {
  const response = await fetch(`${inject('attackTallyUrl')}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(entry),
  })
  if (!response.ok) throw new Error(`the attack tally answered ${response.status}`)
}

/**
 * A test of one kind of attack. Every attempt goes through `attempts.refused`; a test that made
 * none fails (it would prove nothing), and what it made is reported even when an attempt got in.
 */
export function attack(kind: AttackKind, name: string, body: (attempts: Attempts) => Promise<void>) {
  it(`${kind}: ${name}`, async () => {
    let made = 0
    let refused = 0
    const attempts: Attempts = {
      async refused(check) {
        made += 1
        const result = await check()
        refused += 1
        return result
      },
      get made() {
        return made
      },
    }
    try {
      await body(attempts)
    } finally {
      await report({ project: inject('attackProject'), test: name, kind, made, refused })
    }
    expect(made, `no ${kind} attempt was made`).toBeGreaterThan(0)
  })
}
