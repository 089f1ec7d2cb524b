// Faults the fake providers inject, one per request, in the order a test lists them.
//   server-error        500, nothing sent
//   rate-limited        429 (Resend with retry-after), nothing sent
//   crash-after-accept  sent, then the connection is dropped before any answer
//   slow                sent, answered after `slowMs` — within any sane timeout
//   timeout             sent, answer held for `hangMs` — past the adapter's timeout
export type Fault = 'none' | 'server-error' | 'rate-limited' | 'crash-after-accept' | 'slow' | 'timeout'

export const slowMs = 300
export const hangMs = 15_000

/** How long a fake holds an accepted request's answer under this fault. */
export function answerDelay(fault: Fault): number {
  return fault === 'slow' ? slowMs : fault === 'timeout' ? hangMs : 0
}

// Unref'd: a held answer must not keep the test process alive after the run.
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref())

/** The faults a test queued, one taken per request; when none is left, every request succeeds. */
export class FaultQueue {
  private queued: Fault[] = []

  set(faults: Fault[]): void {
    this.queued = [...faults]
  }

  next(): Fault {
    return this.queued.shift() ?? 'none'
  }

  clear(): void {
    this.queued = []
  }
}
