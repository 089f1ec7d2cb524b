import { randomFor } from '../residents/random'

/** A PRNG seeded by text (FNV-1a): the same town and date draw the same numbers in every run. */
export function randomOf(...parts: string[]): () => number {
  let hash = 0x811c9dc5
  for (const char of parts.join('|')) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193)
  }
  return randomFor(hash)
}

function gaussian(random: () => number): number {
  // Box–Muller; 1 - random() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** How many events of a day that average `mean`: exact (Knuth) when small, normal when large. */
export function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)))
  const limit = Math.exp(-mean)
  let k = 0
  for (let p = random(); p > limit; p *= random()) k++
  return k
}

/** How many of `n` happen, each with chance `p`; always between 0 and n. */
export function binomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0
  if (p >= 1) return n
  if (n < 40) {
    let k = 0
    for (let i = 0; i < n; i++) if (random() < p) k++
    return k
  }
  const drawn = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * gaussian(random))
  return Math.min(n, Math.max(0, drawn))
}

/** A whole number near `value`: its fraction rounds up by chance, so many small parts add up. */
export const roundByChance = (random: () => number, value: number) =>
  Math.floor(value) + (random() < value - Math.floor(value) ? 1 : 0)
