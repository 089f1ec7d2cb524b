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

/**
 * The national part from approved versions (and approved tasks) only; every problem names the
 * message or task it is in.
 */
export function buildNationalPart(
  docs: readonly ApprovedVersionDoc[],
  surveys: readonly Survey[] = [],
  tasks: readonly Task[] = [],
): Built<NationalPart> {
  const problems: PublishProblem[] = []
  const messages: MessageVersion[] = []
  for (const doc of docs) {
    const where = `${doc.slot} ${doc.audience} ${doc.language}`
    const body = lexicalToPortable(doc.body)
    if (!body.ok) {
      problems.push(...body.problems.map((message) => ({ where, message })))
      continue
    }
    // SMS cannot show ruby: a reading written {漢字|かんじ} goes out, and is counted, as 漢字（かんじ）.
    const shortText = plainRubyMarkup(doc.shortText ?? '')
    problems.push(...checkLinks(body.body).map((message) => ({ where, message })))
    problems.push(...checkSmsForm(shortText).map((message) => ({ where, message })))
    const unbalanced = rubyMarkupProblem(shortText)
    if (unbalanced) problems.push({ where, message: unbalanced })
    const supervisors = strings(doc.supervisingExperts)
    messages.push({
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
    })
  }
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
