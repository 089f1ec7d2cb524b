import { ZawgyiDetector } from 'myanmar-tools/build_node/zawgyi_detector'
import { zg2uni } from 'rabbit-node'

/**
 * Burmese typed in Zawgyi — the font encoding still on many older phones — uses the same code
 * points as Unicode Burmese for other letters and in another order, so a Unicode word list never
 * matches it. Google's detector (a Markov model) tells the two apart; a text it is sure of is
 * converted by Rabbit (Google's own converter gives the same text but takes ~25 ms per 2,000
 * characters, Rabbit ~0.2 ms), and only for matching: the desk reads what the resident wrote.
 */
const myanmarLetter = /[\u1000-\u109f]/u
// Google's advice: above 0.95 the text is Zawgyi.
const zawgyiAbove = 0.95

let detector: ZawgyiDetector | undefined

// The package's only build reads its model with Node's `new Buffer(base64, 'base64')`, which workerd
// lacks: lend it a base64 decoder for the constructor's synchronous run, then take it back so
// nothing else in the Worker mistakes the runtime for Node.
function withBase64Buffer<T>(make: () => T): T {
  const g = globalThis as { Buffer?: unknown }
  if (g.Buffer !== undefined) return make()
  g.Buffer = function base64Bytes(b64: string) {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
  }
  try {
    return make()
  } finally {
    delete g.Buffer
  }
}

/** The text in Unicode Burmese if it is Zawgyi, otherwise undefined. */
export function zawgyiAsUnicode(text: string): string | undefined {
  if (!myanmarLetter.test(text)) return undefined
  detector ??= withBase64Buffer(() => new ZawgyiDetector())
  return detector.getZawgyiProbability(text) > zawgyiAbove ? zg2uni(text) : undefined
}
