import type { Context } from 'hono'
import type { z } from 'zod'
import { type ContractIssue, contractVersion, parseContract } from '../../shared/contract'

export type ParsedRequest<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'invalid-request' | 'unsupported-contract-version'; details: ContractIssue[] }

/**
 * Reads a JSON body against a contract schema. A body written for another contract version gets
 * its own code, so the CMS can tell "upgrade one side" apart from "fix the data".
 */
export async function readContractBody<S extends z.ZodType>(
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
