/** What one kind of seeded document went through in this run. */
export interface Counts {
  created: number
  updated: number
  unchanged: number
}

export const noCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 })
