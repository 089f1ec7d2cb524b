import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type TypedUser,
} from 'payload'
import type { ResolvedOptions } from '../types'
import { listOf, paragraphsOf } from './columns'
import { lexicalFromParagraphs } from './lexical'
import { type RowError, validateCsv } from './validateRows'

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: RowError[] }

const errorText = (error: unknown) => {
  const data = (error as { data?: { errors?: { message: string }[] } }).data
  return data?.errors?.map((e) => e.message).join(' / ') ?? (error as Error).message
}

/**
 * Creates or updates (by slot × audience × language) one message draft per row, as the user, in
 * one transaction: every row is checked first, and any failure while writing undoes them all.
 */
export async function importMessagesCsv(
  payload: Payload,
  options: ResolvedOptions,
  csv: string,
  user: TypedUser | null,
): Promise<ImportResult> {
  const { rows, errors } = await validateCsv(csv, options)
  if (errors.length) return { ok: false, errors }

  const req = await createLocalReq({ user: user ?? undefined }, payload)
  await initTransaction(req)
  let created = 0
  let updated = 0
  for (const { row, data } of rows) {
    const values = {
      slot: data.slot,
      audience: data.audience,
      language: data.language,
      subject: data.subject,
      body: lexicalFromParagraphs(paragraphsOf(data.body)),
      shortText: data.shortText || null,
      topics: listOf(data.topics),
      supervisingExperts: listOf(data.supervisingExperts),
    }
    try {
      const existing = await payload.find({
        collection: options.slugs.messages,
        where: { key: { equals: `${data.slot} ${data.audience} ${data.language}` } },
        depth: 0,
        limit: 1,
        req,
        overrideAccess: true,
      })
      const id = existing.docs[0]?.id
      if (id) {
        await payload.update({
          collection: options.slugs.messages,
          id,
          data: values,
          req,
          overrideAccess: false,
          user,
        })
        updated++
      } else {
        await payload.create({
          collection: options.slugs.messages,
          data: values,
          req,
          overrideAccess: false,
          user,
        })
        created++
      }
    } catch (error) {
      await killTransaction(req)
      return { ok: false, errors: [{ row, column: null, message: errorText(error) }] }
    }
  }
  await commitTransaction(req)
  return { ok: true, created, updated }
}
