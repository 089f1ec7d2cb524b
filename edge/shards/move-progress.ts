/** What one step of a shard move did, as the ingest API answers it. */
export interface MoveCursor {
  /** Index into the copy steps, then the two forwarding steps. */
  step: number
  /** The rowid the step pages on from. */
  after: number
}

export type MoveProgress =
  | { phase: 'draining'; waitMs: number }
  | { phase: 'copy'; table: string; rows: number; cursor: MoveCursor }
  | { phase: 'forward'; links: number; cursor: MoveCursor }
  /** The flip: the tenant's residents are served from `shard` from now on. */
  | { phase: 'moved'; shard: number }
  | { phase: 'cleanup'; shard: number; table: string; removed: number }
  | { phase: 'done'; shard: number }
