'use client'

/** Prints the interview guide (the print style leaves only the guide on one A4 page). */
export function PrintButton() {
  return (
    <button type="button" className="family-guide__no-print" onClick={() => window.print()}>
      印刷する / Print
    </button>
  )
}
