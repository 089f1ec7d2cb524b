import type { Env } from '../env'

/** The local system (`npm start`, tests): the only place OUTBOX_PAGE is "on", never production. */
export const isLocalSystem = (env: Pick<Env, 'OUTBOX_PAGE'>) => env.OUTBOX_PAGE === 'on'
