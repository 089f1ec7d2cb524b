import type { StaffAssertionClaims } from '../../shared/contract'
import type { Env } from '../env'

/** The staff routes' Hono environment: the verified assertion is `staff`. */
export type StaffEnv = { Bindings: Env; Variables: { staff: StaffAssertionClaims } }
