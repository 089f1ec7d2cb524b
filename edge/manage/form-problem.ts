import type { Wording } from '../../shared/languages/wording'
import { biText } from '../web/bilingual'

/** The manage page's forms, and what is shown again when one is refused. */
export type ManageForm =
  | 'nickname'
  | 'due'
  | 'birth'
  | 'pause'
  | 'timeline'
  | 'invite'
  | 'member'
  | 'language'
  | 'notices'

/** A refused form: which one, what was typed, what is wrong. */
export interface FormProblem {
  form: ManageForm
  value: string
  message: string
  /** Other fields of the same form, kept as typed. */
  values?: Record<string, string>
}

/** Why a change was refused, in the reader's language with the Japanese beside it. */
export const problemText = (problem: Wording): string => biText(problem.ja, problem.en, problem.values)
