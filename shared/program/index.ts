// The program engine's public API: pure, no I/O, the same in Node and workerd.
export { allSendSlots, isProgramSlot } from './all-slots'
export { type Audience, audiences } from './audience'
export { type DayContext, slotContext } from './context'
export { type DayDecision, decideDay } from './decide'
export { describeSlot } from './describe'
export { nextSendOn, timelineEndsOn } from './next-send'
export { type ChildPhase, childPhaseSchema, type PregnancyPhase, pregnancyPhaseSchema } from './phases'
export { type DayPlan, planDay } from './plan-day'
export type { PlannedSlot } from './planned-slot'
export {
  type LossRules,
  lossRulesSchema,
  type Program,
  type ProgramOverride,
  programOverrideSchema,
  programSchema,
  standardProgram,
  withOverrides,
} from './program'
export { type ScheduledSend, scheduleBetween } from './schedule'
export { formatSlot, parseSlot, type Slot, type SlotParts } from './slot'
export { slotOn, type TimelineSlot } from './slot-on'
export { EARLIEST_BIRTH_DAY, type TimelineFacts, timelineFactsSchema, timelineProblem } from './timeline'
export {
  childDay,
  childDayLabel,
  childMonths,
  childMonthsLabel,
  gestationalDay,
  type Lang,
  pregnancyMonth,
  pregnancyMonthLabel,
  pregnancyWeek,
  pregnancyWeekLabel,
} from './units'
export {
  describeWindow,
  type ProgramWindow,
  programBounds,
  programWindowSchema,
  validateWindow,
  type WindowCheck,
  type WindowUnit,
  windowContains,
} from './window'
