import type { Audience, Channel } from '../../shared/contract'

/** A seeded (fictional) town as the sample sees it. */
export interface SampleTown {
  slug: string
  birthsPerYear: number
  /** The channels the town offers; the first carries most residents. */
  channels: readonly Channel[]
  languages: readonly string[]
}

/** One town's day: every list of it draws from the day's own PRNG, in a fixed order. */
export interface SampleDay {
  tenant: string
  date: string
  /** The day's place in the month, from 0. */
  index: number
  random: () => number
  weekend: boolean
}

/** Share of a town's births whose families register: a village knows each family, a ward less so. */
export const uptakeOf = (birthsPerYear: number) =>
  birthsPerYear < 200 ? 0.6 : birthsPerYear < 2000 ? 0.45 : 0.35

export const audienceShare: Record<Audience, number> = { primary: 1, partner: 0.15, family: 0.05 }
/** Among the languages a town offers: mostly Japanese, some English, a few of each other (the registry's list is the only one). */
const languageWeight = (tag: string) => (tag === 'ja' ? 100 : tag === 'en' ? 4 : 1.5)

const normalised = <K extends string>(weights: [K, number][]): [K, number][] => {
  const total = weights.reduce((n, [, w]) => n + w, 0)
  return weights.map(([key, w]) => [key, w / total])
}

/** How the town's residents divide among its channels and languages. */
export function sharesOf(town: SampleTown) {
  const channels = normalised(town.channels.map((c, i): [Channel, number] => [c, i === 0 ? 0.6 : 0.4]))
  const languages = normalised(town.languages.map((l): [string, number] => [l, languageWeight(l)]))
  return { channels, languages }
}
export type Shares = ReturnType<typeof sharesOf>
