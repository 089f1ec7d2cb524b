import {
  contractVersion,
  type MessageVersion,
  type NationalPart,
  nationalPart,
  parseContract,
  plainRubyMarkup,
  rubyMarkupProblem,
  type Survey,
  type Task,
} from '../../shared/contract'
import type { ApprovedVersionDoc } from '../plugin/publishable'
import { checkLinks, checkSmsForm, type PublishProblem } from './checks'
import { lexicalToPortable } from './lexical-to-portable'

export type { ApprovedVersionDoc }

export interface Built<T> {
  part: T | null
  problems: PublishProblem[]
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : []

/** One approved version as the national part carries it, or the problems that keep it out. */
export interface BuiltMessage {
  message: MessageVersion | null
  problems: PublishProblem[]
}

/** Converts and checks one approved version (its body, links, SMS form and ruby). */
export function buildNationalMessage(doc: ApprovedVersionDoc): BuiltMessage {
  const where = `${doc.slot} ${doc.audience} ${doc.language}`
  const body = lexicalToPortable(doc.body)
  if (!body.ok) return { message: null, problems: body.problems.map((message) => ({ where, message })) }
  const problems: PublishProblem[] = []
  // SMS cannot show ruby: a reading written {漢字|かんじ} goes out, and is counted, as 漢字（かんじ）.
  const shortText = plainRubyMarkup(doc.shortText ?? '')
  problems.push(...checkLinks(body.body).map((message) => ({ where, message })))
  problems.push(...checkSmsForm(shortText).map((message) => ({ where, message })))
  const unbalanced = rubyMarkupProblem(shortText)
  if (unbalanced) problems.push({ where, message: unbalanced })
  const supervisors = strings(doc.supervisingExperts)
  return {
    message: {
      id: `message-${doc.message}`,
      version: doc.version,
      slot: doc.slot,
      audience: doc.audience as MessageVersion['audience'],
      language: doc.language as MessageVersion['language'],
      subject: doc.subject,
      body: body.body,
      shortText,
      topics: strings(doc.topics),
      supervisors: supervisors.length > 0 ? supervisors : [doc.approverName],
      sample: doc.sample === true,
    },
    problems,
  }
}

/**
 * The national part from approved versions (and approved tasks) only; every problem names the
 * message or task it is in.
 */
export function buildNationalPart(
  docs: readonly ApprovedVersionDoc[],
  surveys: readonly Survey[] = [],
  tasks: readonly Task[] = [],
): Built<NationalPart> {
  return assembleNationalPart(docs.map(buildNationalMessage), surveys, tasks)
}

/** The national part of messages already built one by one, with the surveys and tasks. */
export function assembleNationalPart(
  built: readonly BuiltMessage[],
  surveys: readonly Survey[] = [],
  tasks: readonly Task[] = [],
): Built<NationalPart> {
  const problems = built.flatMap((b) => b.problems)
  const messages = built.flatMap((b) => (b.message ? [b.message] : []))
  const parsed = parseContract(nationalPart, {
    kind: 'national',
    contractVersion,
    messages,
    surveys,
    tasks,
  })
  if (!parsed.ok) {
    problems.push(
      ...parsed.issues.map((issue) => ({
        where: whereIn(messages, tasks, issue.path),
        message: issue.message,
      })),
    )
  }
  return { part: parsed.ok && problems.length === 0 ? parsed.value : null, problems }
}

function whereIn(messages: readonly MessageVersion[], tasks: readonly Task[], path: string): string {
  const task = /^tasks\.(\d+)/.exec(path)
  if (task) {
    const found = tasks[Number(task[1])]
    return found ? `${found.texts.find((t) => t.language === 'ja')?.title ?? found.id} ${path}` : path
  }
  const match = /^messages\.(\d+)/.exec(path)
  const message = match ? messages[Number(match[1])] : undefined
  return message ? `${message.slot} ${message.audience} ${message.language}` : path || 'national'
}
