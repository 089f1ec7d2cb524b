import { programWindowSchema } from '../program'

// The span of the program a local support entry or a survey is attached to, in the units people
// use (妊娠n週, 妊娠nか月, 生後n日, 月齢, loss day, or every day): the program engine's own window,
// so what the CMS publishes is exactly what the engine evaluates.
export const programWindow = programWindowSchema
export type { ProgramWindow } from '../program'
