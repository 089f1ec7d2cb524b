import type { AnnouncementStage, Channel } from '../../../shared/contract'
import { childMonthsLabel, pregnancyMonthLabel } from '../../../shared/program'
import { languageInWords } from '../../plugin/views/keyInWords'
import type { LanguageRendering, PreviewAnswer } from './answer'

type Shown = Extract<PreviewAnswer, { ok: true }>

const channelWords: Record<Channel, string> = { email: 'メール / Email', sms: 'SMS', line: 'LINE' }

/** 妊娠8か月, 月齢 1歳6か月, 流産・死産後: the units staff count in. */
export function stageInWords(stage: AnnouncementStage): string {
  if (stage.stage === 'pregnancy') return pregnancyMonthLabel(stage.month, 'ja')
  if (stage.stage === 'child') return `月齢 ${childMonthsLabel(stage.month, 'ja')}`
  return '流産・死産後'
}

const order = (s: AnnouncementStage) =>
  s.stage === 'pregnancy' ? s.month : s.stage === 'child' ? 100 + s.month : 1000
const yen = (n: number) => `¥${n.toLocaleString('ja-JP')}`
const cell = { padding: '0.25rem 0.75rem', borderBottom: '1px solid var(--theme-elevation-150)' }

function Recipients({ shown }: { shown: Shown }) {
  const r = shown.recipients
  if (!r.ok)
    return (
      <div>
        <p role="status">{r.reason}</p>
        {shown.sms ? (
          <p>
            SMS 1人あたりの費用の目安 / Estimated SMS cost per person:{' '}
            {yen(shown.sms.segments * shown.sms.price.yen)}（{shown.sms.segments}通分 ×{' '}
            {yen(shown.sms.price.yen)} / segments × price）
          </p>
        ) : null}
      </div>
    )
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <p style={{ fontWeight: 'bold' }}>
        いま送ると受け取る人: {r.total.toLocaleString('ja-JP')}人 / Recipients now: {r.total}
      </p>
      <table>
        <caption style={{ textAlign: 'left' }}>チャネル別 / By channel</caption>
        <tbody>
          {shown.channels.map((channel) => (
            <tr key={channel}>
              <th style={{ ...cell, textAlign: 'left' }}>{channelWords[channel]}</th>
              <td style={cell}>{r.byChannel[channel]}人</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption style={{ textAlign: 'left' }}>時期別 / By stage</caption>
        <tbody>
          {[...r.byStage]
            .sort((a, b) => order(a) - order(b))
            .map((stage) => (
              <tr key={JSON.stringify(stage)}>
                <th style={{ ...cell, textAlign: 'left' }}>{stageInWords(stage)}</th>
                <td style={cell}>{stage.count}人</td>
              </tr>
            ))}
        </tbody>
      </table>
      {r.smsCost && shown.sms ? (
        <p>
          SMS 費用の目安 / Estimated SMS cost: {yen(r.smsCost.yen)}（{r.byChannel.sms}人 ×{' '}
          {r.smsCost.segments}
          通分 × {yen(shown.sms.price.yen)}。契約単価により {yen(r.smsCost.low)}〜{yen(r.smsCost.high)} /{' '}
          {r.byChannel.sms} people × {r.smsCost.segments} segments × {yen(shown.sms.price.yen)}; by contract{' '}
          {yen(r.smsCost.low)}–{yen(r.smsCost.high)}）
        </p>
      ) : null}
    </div>
  )
}

function Rendering({ rendering }: { rendering: LanguageRendering }) {
  return (
    <section style={{ display: 'grid', gap: '0.75rem' }}>
      <h4>
        {languageInWords(rendering.language)}（{rendering.language}）
      </h4>
      {rendering.email ? (
        <div>
          <p>
            メール件名 / Subject: <strong>{rendering.email.subject}</strong>
          </p>
          {/* The town's text as a mail client shows it: no scripts, no access to the admin. */}
          <iframe
            title={`email ${rendering.language}`}
            sandbox=""
            srcDoc={rendering.email.html}
            style={{ width: '100%', height: '28rem', border: '1px solid var(--theme-elevation-150)' }}
          />
        </div>
      ) : null}
      {rendering.sms ? (
        <div>
          <p>
            SMS（{rendering.sms.characters}文字・{rendering.sms.segments}通分 / characters, segments）
          </p>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{rendering.sms.text}</pre>
        </div>
      ) : null}
      {rendering.line ? (
        <div>
          <p>LINE（{rendering.line.bubbles.length}件 / messages）</p>
          {rendering.line.bubbles.map((bubble) => (
            <pre key={bubble} style={{ whiteSpace: 'pre-wrap' }}>
              {bubble}
            </pre>
          ))}
        </div>
      ) : null}
    </section>
  )
}

/** What the preview answered: recipients first, then each language's rendering. */
export function PreviewResult({ shown }: { shown: Shown }) {
  return (
    <div style={{ display: 'grid', gap: '1.5rem' }}>
      <Recipients shown={shown} />
      <p style={{ fontSize: '0.85em' }}>
        リンクは見本です。SMS 単価の出典 / Links are samples. SMS price source:{' '}
        {shown.sms?.price.source ?? '—'}
      </p>
      {shown.renderings.map((rendering) => (
        <Rendering key={rendering.language} rendering={rendering} />
      ))}
    </div>
  )
}
