'use client'
import { useId, useState } from 'react'

type Outcome = { kind: 'done' | 'error'; text: string } | null

const sentText =
  'ご本人のスマートフォンに確認のメッセージを送りました。ご本人がリンクを開いて同意すると、登録が確定します。 / The confirmation went to the resident’s phone; the registration is confirmed when they open it and agree.'
const unsentText =
  '確認のメッセージを送れませんでした。連絡先を確かめて、もう一度お試しください。 / The confirmation could not be sent; check the address and try again.'

/**
 * The counter's registration form: staff type what the resident tells them and send; the resident
 * finishes on their own phone. The form is cleared after each registration (the next resident).
 */
export function CounterForm({
  endpoint,
  languages,
}: {
  /** e.g. /api/workspace/registrations?tenant=sakura-city */
  endpoint: string
  languages: { value: string; label: string }[]
}) {
  const id = useId()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const body = Object.fromEntries(new FormData(form).entries())
    setBusy(true)
    setOutcome(null)
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = (await response.json().catch(() => ({}))) as {
        ok?: boolean
        outcome?: string
        reason?: string
      }
      if (answer.ok && answer.outcome === 'sent') {
        setOutcome({ kind: 'done', text: sentText })
        form.reset()
      } else if (answer.ok) setOutcome({ kind: 'error', text: unsentText })
      else setOutcome({ kind: 'error', text: answer.reason ?? `エラー / Error ${response.status}` })
    } catch {
      setOutcome({
        kind: 'error',
        text: '接続できませんでした。もう一度お試しください / Could not connect; please try again',
      })
    } finally {
      setBusy(false)
    }
  }

  const field = { display: 'grid', gap: '0.25rem' } as const
  return (
    <form
      onSubmit={submit}
      style={{ display: 'grid', gap: '0.75rem', maxWidth: '36rem' }}
      aria-describedby={`${id}-note`}
    >
      <p id={`${id}-note`}>
        同意はご本人がご自身のスマートフォンで行います。職員が代わりに同意することはできません。 / The
        resident gives consent on their own phone; staff never consent for them.
      </p>
      <label style={field}>
        ニックネーム / Nickname
        <input name="nickname" required maxLength={20} autoComplete="off" />
      </label>
      <label style={field}>
        立場 / Who
        <select name="audience" defaultValue="primary">
          <option value="primary">妊娠中の方・主な養育者 / Pregnant person or main caregiver</option>
          <option value="partner">パートナー / Partner</option>
          <option value="family">家族 / Family</option>
        </select>
      </label>
      <fieldset style={{ display: 'flex', gap: '1rem', border: 'none', padding: 0 }}>
        <legend>日付の種類 / Date</legend>
        <label>
          <input type="radio" name="stage" value="due" defaultChecked /> 出産予定日 / Due date
        </label>
        <label>
          <input type="radio" name="stage" value="birth" /> 誕生日 / Birth date
        </label>
      </fieldset>
      <label style={field}>
        日付 / Date
        <input type="date" name="date" required />
      </label>
      <label style={field}>
        言語 / Language
        <select name="language" defaultValue="ja">
          {languages.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label style={field}>
        受け取り方 / Channel
        <select name="channel" defaultValue="email">
          <option value="email">メール / Email</option>
          <option value="sms">SMS</option>
        </select>
      </label>
      <label style={field}>
        メールアドレスまたは携帯電話番号 / Email or mobile number
        <input name="address" required autoComplete="off" inputMode="email" />
      </label>
      <p>
        LINE で受け取る方は、ご本人のスマートフォンで二次元コードから登録してください。 / For LINE, the
        resident registers from the QR code on their own phone.
      </p>
      <button type="submit" disabled={busy}>
        {busy ? '送信中… / Sending…' : '確認のメッセージを送る / Send the confirmation'}
      </button>
      {outcome ? (
        <p role={outcome.kind === 'error' ? 'alert' : 'status'} data-outcome={outcome.kind}>
          {outcome.text}
        </p>
      ) : null}
    </form>
  )
}
