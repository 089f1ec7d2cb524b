const tokyo = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/** An instant as Japan reads it, e.g. 2026/11/23 09:00. */
export function tokyoTime(iso: string): string {
  return tokyo.format(new Date(iso))
}
