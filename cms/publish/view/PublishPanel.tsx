import { describeSlot } from '../../../shared/program'
import type { Slot } from '../../../shared/program/slot'
import { languageLabels } from '../../plugin/languages'
import type { EntryChange } from '../diff'
import type { HistoryOutcome } from '../history'
import type { PreviewOutcome } from '../preview'
import { ChangeTable, type Column } from './ChangeTable'
import type { ChangeKind, ChangeSummary, MessageChangeRow, messageChangePage } from './changes'
import { PublishButton, RollbackButton } from './PublishActions'
import { type BothNames, inBoth, scopeName } from './words'

export interface ScopeChoice {
  /** `national` or `tenant:<id>`, as the preview endpoint takes it. */
  value: string
  label: string
  /** Its name in each language, for sentences (the confirmation before publishing). */
  name: BothNames
}

export interface PublishPanelProps {
  scopes: ScopeChoice[]
  current: ScopeChoice | null
  preview: PreviewOutcome | null
  /** The preview's changes counted, and one page of the message changes in words. */
  changes: { summary: ChangeSummary; messages: Awaited<ReturnType<typeof messageChangePage>> } | null
  /** The manifest a publish just made live: said once, at the top. */
  published: string | null
  history: HistoryOutcome
  /** e.g. /api/publications */
  api: string
  /** e.g. /admin/publish */
  viewPath: string
}

const when = (iso: string) => new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })

const kindLabels: Record<ChangeKind, string> = {
  added: '追加 / Added',
  changed: '変更 / Changed',
  removed: '削除 / Removed',
}

const messageColumns: Column<MessageChangeRow>[] = [
  { header: '変更 / Change', cell: (m) => kindLabels[m.kind] },
  { header: '日・対象・言語 / Day, audience, language', cell: (m) => m.inWords },
  { header: '件名 / Subject', cell: (m) => m.subject },
  { header: '公開中の版 / Live', cell: (m) => m.before ?? '—' },
  { header: '公開後の版 / After', cell: (m) => m.after ?? '—' },
]

function Counts({ label, counts }: { label: string; counts: Record<ChangeKind, number> }) {
  return (
    <li>
      {label}: 追加 {counts.added}・変更 {counts.changed}・削除 {counts.removed} / {counts.added} added,{' '}
      {counts.changed} changed, {counts.removed} removed
    </li>
  )
}

const entryColumns: Column<EntryChange>[] = [
  { header: '自治体 / Tenant', cell: (e) => e.tenant },
  { header: 'タイトル / Title', cell: (e) => e.title },
  { header: '公開中の版 / Live version', cell: (e) => e.before ?? '—' },
  { header: '公開後の版 / Version after', cell: (e) => e.after ?? '—' },
]

const entryTables = [
  ['added', '追加される地域の支援 / Local entries added'],
  ['changed', '変更される地域の支援 / Local entries changed'],
  ['removed', '削除される地域の支援 / Local entries removed'],
] as const

/** The publish screen's content: scope, checks, the diff, the publish button and the history. */
export function PublishPanel({
  scopes,
  current,
  preview,
  changes,
  published,
  history,
  api,
  viewPath,
}: PublishPanelProps) {
  if (scopes.length === 0) {
    return <p>公開できる範囲がありません / There is nothing you may publish</p>
  }
  const scopeBody =
    current?.value === 'national' ? 'national' : { tenant: current?.value.slice('tenant:'.length) ?? '' }
  const scopeQuery = current ? `scope=${encodeURIComponent(current.value)}` : ''
  const pageLink = (page: number) => `${viewPath}?${scopeQuery}&page=${page}`
  return (
    <div style={{ display: 'grid', gap: '1.5rem' }}>
      {published ? (
        <p role="status" data-yorisoi-published>
          公開しました。住民に届くのは今から公開中の内容です（{published}） / Published: residents now get
          what is live ({published})
        </p>
      ) : null}
      <nav aria-label="公開する範囲 / Scope">
        <h2>公開する範囲 / Scope</h2>
        <ul style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', listStyle: 'none', padding: 0 }}>
          {scopes.map((s) => (
            <li key={s.value}>
              <a
                href={`${viewPath}?scope=${encodeURIComponent(s.value)}`}
                aria-current={s.value === current?.value ? 'page' : undefined}
              >
                {s.value === current?.value ? <strong>{s.label}</strong> : s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {current && preview ? (
        <section aria-labelledby="yorisoi-publish-changes">
          <h2 id="yorisoi-publish-changes">
            公開すると変わること / What publishing changes: {current.label}
          </h2>
          {!preview.ok ? (
            <p role="alert">{preview.reason}</p>
          ) : (
            <>
              {preview.edgeProblem ? (
                <p role="alert" style={{ whiteSpace: 'pre-wrap' }}>
                  配信サーバーに確認できなかったため、CMS が最後に公開した内容と比べています / The edge could
                  not be asked; this compares with what the CMS last published.
                  {'\n'}
                  {preview.edgeProblem}
                </p>
              ) : null}
              {preview.problems.length > 0 ? (
                <div role="alert">
                  <p>
                    <strong>直すまで公開できません / Cannot publish until these are fixed</strong>
                  </p>
                  <ul>
                    {preview.problems.slice(0, 50).map((p) => (
                      <li key={`${p.where} ${p.message}`}>
                        {p.where}: {p.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {preview.gaps.length > 0 ? (
                <div role="alert" data-yorisoi-gaps>
                  <p>
                    <strong>
                      承認済みのメッセージがない日があります。その日は何も届きません / Some days have no
                      approved message: nothing is sent on them
                    </strong>
                  </p>
                  <ul>
                    {preview.gaps.map((g) => (
                      <li key={`${g.tenant} ${g.language}`}>
                        {g.tenant} ・ {languageLabels[g.language]?.ja ?? g.language}: {g.missing.length}日 /
                        days（
                        {g.missing
                          .slice(0, 8)
                          .map((slot) => describeSlot(slot as Slot, 'ja'))
                          .join('、')}
                        {g.missing.length > 8 ? ' …' : ''}）
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p>
                公開中 / Live: {preview.liveManifestId ?? 'なし / none'}
                {preview.counts.messages !== undefined
                  ? ` ・ メッセージ / messages: ${preview.counts.messages}`
                  : ''}
                {preview.counts.localEntries !== undefined
                  ? ` ・ 地域の支援 / local entries: ${preview.counts.localEntries}`
                  : ''}
              </p>
              {changes ? (
                <ul data-yorisoi-summary>
                  {current.value === 'national' ? (
                    <Counts label="メッセージ / Messages" counts={changes.summary.messages} />
                  ) : (
                    <Counts label="地域の支援 / Local entries" counts={changes.summary.entries} />
                  )}
                </ul>
              ) : null}
              {[...Object.values(preview.diff.messages), ...Object.values(preview.diff.entries)].every(
                (list) => list.length === 0,
              ) ? (
                <p>公開中の内容から変わる点はありません / Nothing differs from what is live</p>
              ) : null}
              <PublishButton
                endpoint={`${api}/publish`}
                scope={scopeBody}
                scopeName={current.name}
                hasGaps={preview.gaps.length > 0}
                blocked={preview.problems.length > 0}
                afterPublish={`${viewPath}?${scopeQuery}`}
              />
              {changes && changes.messages.total > 0 ? (
                <>
                  <ChangeTable
                    caption={`変わるメッセージ / Messages that change（${changes.messages.page} / ${changes.messages.pages} ページ / page）`}
                    columns={messageColumns}
                    rows={changes.messages.rows}
                    rowKey={(m) => m.key}
                  />
                  {changes.messages.pages > 1 ? (
                    <nav aria-label="変わるメッセージのページ / Pages of message changes">
                      {changes.messages.page > 1 ? (
                        <a href={pageLink(changes.messages.page - 1)}>← 前へ / Previous</a>
                      ) : null}{' '}
                      {changes.messages.page < changes.messages.pages ? (
                        <a href={pageLink(changes.messages.page + 1)}>次へ / Next →</a>
                      ) : null}
                    </nav>
                  ) : null}
                </>
              ) : null}
              {entryTables.map(([kind, caption]) => (
                <ChangeTable
                  key={`entries ${kind}`}
                  caption={caption}
                  columns={entryColumns}
                  rows={preview.diff.entries[kind]}
                  rowKey={(e) => `${e.tenant} ${e.id}`}
                />
              ))}
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="yorisoi-publish-history">
        <h2 id="yorisoi-publish-history">公開とロールバックの履歴 / Activation history</h2>
        {!history.ok ? (
          <p role="alert">{history.reason}</p>
        ) : history.entries.length === 0 ? (
          <p>まだ公開されていません / Nothing has been published yet</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>日時 / When</th>
                <th>操作 / Action</th>
                <th>範囲 / Scope</th>
                <th>マニフェスト / Manifest</th>
                <th>直前 / Before</th>
                <th>実行した人 / By</th>
                <th>ロールバック / Roll back</th>
              </tr>
            </thead>
            <tbody>
              {history.entries.map((entry, index) => (
                <tr key={entry.id}>
                  <td>{when(entry.activatedAt)}</td>
                  <td>{entry.action === 'rollback' ? 'ロールバック / Rollback' : '公開 / Publish'}</td>
                  <td>{entry.publication ? inBoth(scopeName(entry.publication.scope)) : '—'}</td>
                  <td>
                    {entry.manifestId}
                    {index === 0 ? '（公開中 / live）' : ''}
                  </td>
                  <td>{entry.previousManifestId ?? '—'}</td>
                  <td>{entry.actor?.name ?? '—'}</td>
                  <td>
                    {entry.canRollBack && entry.publication ? (
                      <RollbackButton
                        endpoint={`${api}/rollback`}
                        publication={entry.publication.id}
                        manifestId={entry.manifestId}
                      />
                    ) : !entry.available ? (
                      '削除済み / Pruned'
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
