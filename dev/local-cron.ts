// The cron of wrangler.toml for the local system: wrangler dev never fires triggers by itself, so
// `npm start` asks its Worker for a scheduled event every five minutes on the clock, as
// Cloudflare would (the same `*/5 * * * *`), through wrangler's --test-scheduled route.

const everyMs = 5 * 60_000
export const localCron = '*/5 * * * *'

/** Starts the ticks; the first at the next five-minute mark. Returns a stop function. */
export function startLocalCron(
  workerUrl: string,
  log: (line: string) => void,
  now = () => Date.now(),
): () => void {
  let interval: ReturnType<typeof setInterval> | undefined
  const tick = async () => {
    try {
      const response = await fetch(`${workerUrl}/__scheduled?cron=${encodeURIComponent(localCron)}`)
      if (!response.ok) log(`cron: 予定実行に失敗しました / the scheduled run failed (${response.status})`)
    } catch (error) {
      log(
        `cron: Worker に届きません / cannot reach the Worker: ${error instanceof Error ? error.message : error}`,
      )
    }
  }
  const first = setTimeout(
    () => {
      void tick()
      interval = setInterval(() => void tick(), everyMs)
    },
    everyMs - (now() % everyMs),
  )
  return () => {
    clearTimeout(first)
    if (interval) clearInterval(interval)
  }
}
