import { wordIn, wording } from '../languages/wording'
import type { Composition } from './composition'
import { said } from './strings'
import type { DeliveryLinks } from './values'

/** The task line a delivery carries (the edge chose it and made its links). */
export interface TaskLineInput {
  /** The task's own sentence, in the first language of the reader's chain it has. */
  line: string
  /** The language of `line`. */
  language: string
  /** A reminder (not the first offer): it says so before the sentence. */
  reminder: boolean
  /** Where the resident says it is done (/k/…), for a task they mark done themselves. */
  doneUrl?: string
  /** Its survey marks it done: the survey link (links.surveyUrl) is the task's, and the survey line gives way. */
  viaSurvey?: boolean
  /** Where to do it (the town's application page). */
  url?: string
}

const reminderWords = (line: string) => wording('まだでしたら：{line}', 'If not done yet: {line}', { line })
const doneWords = wording('済みましたら、こちらからお知らせください', 'Done? Let us know here')
const whereWords = wording('手続きはこちら', 'Where to do it')
const surveyWords = wording('アンケートに答える', 'Answer the survey')

// Where the line sits in the reminder's words, while they are worded: a character no catalogue writes.
const lineMark = '\uE000'

/** The reminder's own words around the line, in the reader's language (which may not be the line's). */
function reminderAround(language: string): NonNullable<NonNullable<Composition['task']>['reminder']> {
  const own = wordIn(reminderWords(lineMark), language)
  const [before = '', after = ''] = own.text.split(lineMark)
  return { lang: own.lang, before, after }
}

/** The composition's task line in the reader's words, with its links; null without one to show. */
export function taskLineOf(
  input: TaskLineInput | undefined,
  links: DeliveryLinks,
  language: string,
): Composition['task'] {
  if (!input) return null
  const surveyUrl = input.viaSurvey ? links.surveyUrl : undefined
  const reminder = input.reminder ? reminderAround(language) : undefined
  return {
    text: reminder ? `${reminder.before}${input.line}${reminder.after}` : input.line,
    language: input.language,
    ...(reminder ? { reminder } : {}),
    links: [
      ...(surveyUrl ? [{ linkText: said(surveyWords, language), url: surveyUrl }] : []),
      ...(input.doneUrl ? [{ linkText: said(doneWords, language), url: input.doneUrl }] : []),
      ...(input.url ? [{ linkText: said(whereWords, language), url: input.url }] : []),
    ],
  }
}

/**
 * The composition with its task line. A task its survey marks done links that survey itself, so
 * the survey's own line gives way: one line for it, not two.
 */
export function withTaskLine(input: { taskLine?: TaskLineInput }, composition: Composition): Composition {
  if (!input.taskLine) return composition
  return {
    ...composition,
    task: taskLineOf(input.taskLine, composition.links, composition.language),
    ...(input.taskLine.viaSurvey ? { survey: null } : {}),
  }
}

/**
 * The task line's text in runs of one language each, for a page or an HTML email to mark: a
 * reminder's words in the reader's language, the task's own sentence in its language.
 */
export function taskRuns(task: NonNullable<Composition['task']>): { text: string; lang: string }[] {
  const { reminder } = task
  if (!reminder || reminder.lang === task.language) return [{ text: task.text, lang: task.language }]
  const line = task.text.slice(reminder.before.length, task.text.length - reminder.after.length)
  return [
    { text: reminder.before, lang: reminder.lang },
    { text: line, lang: task.language },
    { text: reminder.after, lang: reminder.lang },
  ].filter((run) => run.text !== '')
}

/** The task line as plain text (email text part, LINE): the links in the reader's words alone. */
export const taskText = (task: NonNullable<Composition['task']>): string =>
  [task.text, ...task.links.map((l) => `${l.linkText.text} ${l.url}`)].join('\n')
