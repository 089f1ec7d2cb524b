import { zValidator } from '@hono/zod-validator'
import type { Context, MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { bilingualErrorMap, type ContractIssue, contractVersion, parseContract } from '../../shared/contract'
import type { Env } from '../env'
import { ingestFailure } from './failure'

export type ParsedRequest<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'invalid-request' | 'unsupported-contract-version'; details: ContractIssue[] }

/**
 * Route params or the query, checked by hono's zod validator before the handler runs
 * (`c.req.valid(target)` then holds the parsed value). A request that does not fit gets the ingest
 * API's own answer: 400 invalid-request with zod's messages in Japanese then English.
 */
export const ingestValid = <T extends 'param' | 'query', S extends z.ZodType>(target: T, schema: S) =>
  zValidator(
    target,
    schema,
    (result, c) => {
      if (!result.success) return ingestFailure(c, 'invalid-request', contractIssues(result.error))
    },
    {
      // The zod messages in Japanese then English, as parseContract gives them. (The package types
      // this result by a condition on S that TypeScript cannot settle for a generic S: hence the cast.)
      validationFunction: ((s: S, value: Record<string, string | string[]>) =>
        s.safeParseAsync(target === 'query' ? firstValues(value) : value, {
          error: bilingualErrorMap,
        })) as never,
    },
  )

function contractIssues(error: z.core.$ZodError): ContractIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

/** hono's validator gives a repeated query key as a list; the ingest API has always read the first. */
function firstValues(query: Record<string, string | string[]>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  )
}

/*
 * Bodies are read here rather than by the zod validator's `json` target: hono's validator skips a
 * body whose Content-Type is not JSON (and would validate `{}` instead) and answers unreadable JSON
 * with its own plain-text 400, while the ingest API reads any body as JSON and answers every
 * refusal with its bilingual error; contract bodies also get their own code for another version.
 */
type JsonInput<S extends z.ZodType> = { in: { json: z.input<S> }; out: { json: z.output<S> } }

function bodyValidator<S extends z.ZodType>(
  read: (c: Context) => Promise<ParsedRequest<z.output<S>>>,
): MiddlewareHandler<{ Bindings: Env }, string, JsonInput<S>> {
  return async (c, next) => {
    const body = await read(c)
    if (!body.ok) return ingestFailure(c, body.code, body.details)
    c.req.addValidatedData('json', body.value as object)
    await next()
  }
}

/** A body that declares its contract version (chunks, manifests, rollback); see readContractBody. */
export const contractBody = <S extends z.ZodType>(schema: S) =>
  bodyValidator<S>((c) => readContractBody(c, schema))

/** A plain JSON body; `whenEmpty` is what an empty body stands for (none: an empty body is refused). */
export const jsonBody = <S extends z.ZodType>(schema: S, whenEmpty?: z.input<S>) =>
  bodyValidator<S>(async (c) => {
    const text = await c.req.text()
    const parsed = parseContract(schema, !text && whenEmpty !== undefined ? whenEmpty : parseJson(text))
    return parsed.ok ? parsed : { ok: false, code: 'invalid-request', details: parsed.issues }
  })

/** Unreadable JSON is null, which the schema then refuses as "expected object". */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * Reads a JSON body against a contract schema. A body written for another contract version gets
 * its own code, so the CMS can tell "upgrade one side" apart from "fix the data".
 */
async function readContractBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<ParsedRequest<z.output<S>>> {
  let data: unknown
  try {
    data = await c.req.json()
  } catch {
    return {
      ok: false,
      code: 'invalid-request',
      details: [{ path: '', message: 'JSON として読めません / Not readable as JSON' }],
    }
  }
  const versions = declaredVersions(data)
  if (versions.some((v) => v !== contractVersion)) {
    return {
      ok: false,
      code: 'unsupported-contract-version',
      details: [
        {
          path: 'contractVersion',
          message: `受信: ${versions.join(', ')} / received: ${versions.join(', ')}; 対応 / supported: ${contractVersion}`,
        },
      ],
    }
  }
  const parsed = parseContract(schema, data)
  return parsed.ok ? parsed : { ok: false, code: 'invalid-request', details: parsed.issues }
}

function declaredVersions(data: unknown): unknown[] {
  if (typeof data !== 'object' || data === null) return []
  const record = data as Record<string, unknown>
  const found = 'contractVersion' in record ? [record.contractVersion] : []
  const manifest = record.manifest
  if (typeof manifest === 'object' && manifest !== null && 'contractVersion' in manifest) {
    found.push((manifest as Record<string, unknown>).contractVersion)
  }
  return found
}
