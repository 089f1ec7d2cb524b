/** The words that mark the local seed's sample counts wherever the dashboard shows them. */
export const sampleMark = 'サンプルデータ（架空の数） / Sample data (made up)'

/**
 * Above the figures when any day of the period is the local seed's sample history (npm start):
 * so nobody takes them for a real town's numbers, in the dashboard or in a printed report.
 */
export function SampleNotice({ days }: { days: number }) {
  if (days === 0) return null
  return (
    <section
      data-sample-notice
      aria-label="サンプルデータ / Sample data"
      style={{ border: '3px dashed currentColor', padding: '0.75rem 1rem', margin: '0 0 1.5rem' }}
    >
      <p style={{ margin: 0 }}>
        <strong>{`サンプルデータです。ここに出ている数は、ローカルのシード（npm start）が作った架空の1か月分で、実在の自治体の数ではありません（この期間の${days}日・自治体分）。エッジから集計が届いた日は、その日の本当の数に置き換わります。`}</strong>
      </p>
      <p style={{ margin: '0.5rem 0 0' }}>
        {`Sample data: these figures are a made-up month written by the local seed (npm start), not a real town’s numbers (${days} town-days of this period). A day the edge reports replaces its sample with the real counts.`}
      </p>
    </section>
  )
}
