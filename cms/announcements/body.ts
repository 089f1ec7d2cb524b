import type { PayloadRequest } from 'payload'

/** The JSON a request sent, or undefined when it sent none or something else. */
export async function jsonOf(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return undefined
  }
}

export type Problem = { message: string; path?: string }

export const refuse = (status: number, message: string) =>
  Response.json({ ok: false, errors: [{ message }] satisfies Problem[] }, { status })
