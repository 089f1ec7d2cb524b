import { bilingual, SeedRefusal } from '../seed/refusal'

export interface SeedArgs {
  subscribers: number
  force: boolean
  help: boolean
}

export const usage = `npm run seed [-- --subscribers N] [--force]

  サンプルのユーザー・自治体・メッセージ・アンケートを CMS に投入し、エッジへ公開します。
  Loads the sample users, municipalities, messages and surveys into the CMS and publishes them.

  --subscribers N  架空の住民を N 人エッジの D1 に作ります / create N synthetic residents at the edge
  --force          サンプル以外のデータがあっても投入します / seed even if the database holds other data

  YORISOI_DEV_PASSWORD   シードユーザーのパスワード / the seed users' password (default yorisoi-dev)
  DATABASE_URL           Postgres（なければ組み込み）/ Postgres (embedded when unset)
  YORISOI_EDGE_URL + INGEST_TOKEN   既存のエッジへ公開 / publish to a running edge`

/** Parses the command line; throws a bilingual message for anything it does not understand. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { subscribers: 0, force: false, help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--force') args.force = true
    else if (arg === '--help' || arg === '-h') args.help = true
    else if (arg === '--subscribers' || arg.startsWith('--subscribers=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i]
      const n = Number(value)
      if (!Number.isInteger(n) || n < 0 || n > 10_000_000) {
        throw new SeedRefusal(
          'usage',
          bilingual(
            `--subscribers には 0〜10,000,000 の整数を指定してください（${value ?? '未指定'}）`,
            `--subscribers takes a whole number from 0 to 10,000,000 (got ${value ?? 'nothing'})`,
          ),
        )
      }
      args.subscribers = n
    } else {
      throw new SeedRefusal('usage', bilingual(`不明な引数です: ${arg}`, `Unknown argument: ${arg}`))
    }
  }
  return args
}
