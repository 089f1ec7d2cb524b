import { z } from 'zod'
import { portableBody } from './body'
import { bilingual } from './messages'
import { audience, language, nonEmpty, slotKey } from './primitives'
import { shortText } from './short-text'
import { survey } from './survey'
import { task } from './task'
import { contractVersionField } from './version'

// Words that would let anyone glancing at an inbox list read a pregnancy or a loss.
const revealingSubjectWords = [
  '妊娠',
  '出産',
  '胎児',
  '赤ちゃん',
  '流産',
  '死産',
  'pregnan',
  'baby',
  'miscarriage',
]

export const neutralSubject = nonEmpty(60).superRefine((subject, ctx) => {
  const lower = subject.toLowerCase()
  const word = revealingSubjectWords.find((w) => lower.includes(w))
  if (word) {
    ctx.addIssue({
      code: 'custom',
      message: bilingual(
        `件名に「${word}」は使えません（受信一覧から妊娠が読み取れないように）`,
        `The subject must not contain "${word}" (an inbox list must not reveal a pregnancy)`,
      ),
    })
  }
})

/** One approved version of the message for a slot × audience × language. */
export const messageVersion = z.object({
  id: nonEmpty(64),
  version: z.int().min(1),
  slot: slotKey,
  audience,
  language,
  subject: neutralSubject,
  body: portableBody,
  shortText,
  topics: z.array(nonEmpty(40)).default([]),
  /** Names of the medical supervisors who approved this version. */
  supervisors: z
    .array(nonEmpty(60))
    .min(1, bilingual('監修者が必要です', 'At least one supervisor is required')),
  /** Sample content shipped for demos, never for residents of a real tenant. */
  sample: z.boolean().default(false),
})
export type MessageVersion = z.infer<typeof messageVersion>

const messageKey = (m: { slot: string; audience: string; language: string }) =>
  `${m.slot} ${m.audience} ${m.language}`

/**
 * The national part with its messages checked by `message`: the edge passes one that takes a
 * message it already checked in an earlier part as it is (edge/snapshot/message-digests.ts).
 */
export const nationalPartOf = <M extends z.ZodType<MessageVersion>>(message: M) =>
  z
    .object({
      kind: z.literal('national'),
      contractVersion: contractVersionField,
      messages: z.array(message),
      surveys: z.array(survey).default([]),
      // Added within contract version 1: an older part has no tasks.
      tasks: z.array(task).default([]),
    })
    .superRefine((part, ctx) => {
      const keys = new Map<string, number>()
      part.messages.forEach((message, index) => {
        const key = messageKey(message)
        const first = keys.get(key)
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['messages', index],
            message: bilingual(
              `${key} のメッセージが2つあります（${first}番目と重複）`,
              `Two messages for ${key} (duplicates item ${first})`,
            ),
          })
        }
        keys.set(key, index)
      })
    })

/** The content every tenant shares: approved messages, national surveys and tasks. */
export const nationalPart = nationalPartOf(messageVersion)
export type NationalPart = z.infer<typeof nationalPart>
