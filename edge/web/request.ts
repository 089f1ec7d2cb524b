import type { Context } from 'hono'
import type { Env } from '../env'
import { linkNotValidPage } from './notice'

export type Ctx = Context<{ Bindings: Env }>

/** The posted form's text fields (a file or a missing field reads as ''). */
export async function formText(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']))
}

export const deadLink = (c: Ctx) => c.html(linkNotValidPage(), 404)
