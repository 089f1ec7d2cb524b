import type { DiffPart } from './textDiff'

const added = { background: '#d9f2dd', textDecoration: 'none' }
const removed = { background: '#f9d9d9' }

/** The version in review, with what changed from the live version marked (added / removed). */
export function ReviewText({ liveVersion, changes }: { liveVersion: number | null; changes: DiffPart[] }) {
  return (
    <div data-review-text>
      <p style={{ margin: '0 0 0.25rem' }}>
        <small>
          {liveVersion === null
            ? '新しいメッセージ（公開中の版はありません） / New message (nothing live yet)'
            : `公開中の版 ${liveVersion} からの変更：緑は追加、赤は削除 / Changes from live version ${liveVersion}: green added, red removed`}
        </small>
      </p>
      <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7, maxWidth: '40rem' }}>
        {changes.map((part, index) =>
          part.kind === 'same' || liveVersion === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
            <span key={index}>{part.text}</span>
          ) : part.kind === 'added' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
            <ins key={index} style={added}>
              {part.text}
            </ins>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence
            <del key={index} style={removed}>
              {part.text}
            </del>
          ),
        )}
      </div>
    </div>
  )
}
