// The shape every benchmark scenario shares; bench/run.ts loads every file in bench/scenarios/.
export interface BenchOptions {
  /** Size of the synthetic resident population, where a scenario has one (--subscribers). */
  subscribers: number
  /** Quick mode for smoke runs (--quick): smaller sizes, same code paths. */
  quick: boolean
  /**
   * Measure the whole population where a scenario otherwise samples it under a time budget and
   * extrapolates (--whole-day): a day for all --subscribers, however long it takes.
   */
  wholeDay: boolean
}

export interface ScenarioResult {
  value: number
  unit: string
  /** The same work done the naive or raw way, measured in the same run. */
  baseline?: number
  /** value / baseline (or its inverse where lower is better; say which in notes). */
  ratio?: number
  /** Delivery scenarios: D1 rows read and written per delivery (each statement's meta summed). */
  rowsReadPerDelivery?: number
  rowsWrittenPerDelivery?: number
  baselineRowsReadPerDelivery?: number
  baselineRowsWrittenPerDelivery?: number
  /** Where those rows go: per statement (its first 60 characters), rows read and written per delivery. */
  rowsPerStatement?: Record<string, { read: number; written: number }>
  /** Figures an issue asks for by name; bench/run.ts also gathers them into the report's `figures`. */
  figures?: Record<string, number>
  notes: string
}

export interface Scenario {
  name: string
  run(options: BenchOptions): Promise<ScenarioResult>
}
