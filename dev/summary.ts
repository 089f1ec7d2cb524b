/** The short table `npm start` ends with: every URL a person needs, and a login for each role. */
export function printSummary(s: {
  adminUrl: string
  edgeUrl: string
  /** The outbox with its local key: the one place the key is printed. */
  outboxUrl: string
  /**
   * Each seeded town with the channels it offers and the shard its residents live in; the ones
   * with email first (a newcomer's first link completes with the outbox alone; a LINE code needs
   * the outbox's LINE play).
   */
  tenants: { slug: string; channels: string[]; shard: number }[]
  password: string
}) {
  const rows: [string, string][] = [
    ['管理画面 / Payload admin', s.adminUrl],
    ['送信箱 / Outbox (local deliveries, with its key)', s.outboxUrl],
    ...[...s.tenants]
      .sort((a, b) => Number(b.channels.includes('email')) - Number(a.channels.includes('email')))
      .map(({ slug, channels, shard }): [string, string] => [
        `登録 / Registration: ${slug} (${channels.join(', ')}; シャード / shard ${shard})`,
        `${s.edgeUrl}/t/${slug}`,
      ]),
    [
      '配信日を今すぐ実行 / Run a delivery day now',
      '送信箱の日付とボタン / the date and button on the outbox page',
    ],
    [
      'LINE の友だち追加とコード送信を再生 / Play a LINE follow and code reply',
      '送信箱の LINE のフォーム / the LINE form on the outbox page',
    ],
  ]
  const logins: [string, string][] = [
    ['admin', 'admin@yorisoi.test'],
    ['editor', 'editor@yorisoi.test'],
    ['medical supervisor', 'supervisor1@yorisoi.test, supervisor2@yorisoi.test'],
    ...s.tenants.map(({ slug }): [string, string] => [
      `municipal staff (${slug})`,
      `staff.${slug}@yorisoi.test`,
    ]),
    ['viewer', 'viewer@yorisoi.test'],
  ]
  const width = Math.max(...[...rows, ...logins].map(([k]) => k.length)) + 2
  const line = (k: string, v: string) => `  ${k.padEnd(width)}${v}`
  console.log(`\n${rows.map(([k, v]) => line(k, v)).join('\n')}`)
  console.log(`\n  ログイン / Logins (password: ${s.password})`)
  console.log(logins.map(([k, v]) => line(k, v)).join('\n'))
  console.log('')
}
