/**
 * The guide on one A4 page: the admin's chrome (navigation, header, everything beside the guide)
 * is not printed, and the guide's own type is small enough for 14 days and a notes box.
 */
export const guidePrintStyle = `
@page { size: A4; margin: 12mm; }
.family-guide table { width: 100%; border-collapse: collapse; }
.family-guide th, .family-guide td { border: 1px solid #999; padding: 2px 4px; vertical-align: top; text-align: left; }
.family-guide__nowrap { white-space: nowrap; }
.family-guide__stage { width: 8em; }
.family-guide__notes { border: 1px solid #999; min-height: 25mm; padding: 4px; }
@media print {
  body *:not(:has(.family-guide)):not(.family-guide):not(.family-guide *) { display: none !important; }
  *:has(.family-guide) {
    display: block !important; position: static !important; margin: 0 !important; padding: 0 !important;
    width: auto !important; min-height: 0 !important; height: auto !important; overflow: visible !important;
    background: none !important; border: 0 !important; box-shadow: none !important; transform: none !important;
  }
  .family-guide { font-size: 8pt; line-height: 1.25; color: #000; }
  .family-guide th, .family-guide td { padding: 1px 3px; }
  .family-guide h1 { font-size: 13pt; margin: 0 0 2mm; }
  .family-guide h2 { font-size: 10pt; margin: 3mm 0 1mm; }
  .family-guide p { margin: 0 0 1mm; }
  .family-guide table, .family-guide tr { break-inside: avoid; }
  .family-guide__no-print { display: none !important; }
}
`
