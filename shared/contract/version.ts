import { z } from 'zod'

/**
 * The version of every shape in shared/contract. Raise it when a change would make one side
 * misread the other's data; the edge refuses a snapshot or report written for another version.
 * An added field with a default that means "nothing" does not raise it: the older reader drops
 * it (zod strips unknown keys), the newer reads its absence as the default.
 */
export const contractVersion = 1 as const
export type ContractVersion = typeof contractVersion

export const contractVersionField = z.literal(contractVersion, {
  error: `契約バージョンが違います（対応: ${contractVersion}） / Unsupported contract version (supported: ${contractVersion})`,
})
