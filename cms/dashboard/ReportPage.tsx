import { SectionView } from './DashboardBody'
import type { DashboardData } from './load'
import type { Section } from './table'

// A4, one section a page: a desk prints it and attaches it to a council answer or a 交付金 report.
const printCss = `
@page { size: A4 portrait; margin: 15mm; }
body { font-family: 'Noto Sans JP', sans-serif; color: #000; background: #fff; font-size: 10pt; }
.report-section { break-after: page; page-break-after: always; }
.report-section:last-of-type { break-after: auto; page-break-after: auto; }
.report-section > div { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; margin-bottom: 4mm; }
th, td { border: 1px solid #555; padding: 1mm 2mm; }
svg { max-width: 100%; height: auto; }
@media print { .no-print { display: none; } }
`

/** The print report: a cover line on each page, then the section's charts and tables. */
export function ReportPage({ data, sections }: { data: DashboardData; sections: Section[] }) {
  const { period, shown } = data
  const heading = `${shown.map((town) => town.name).join('、')}　${period.from}〜${period.to}`
  return (
    <html lang="ja">
      {/* biome-ignore lint/style/noHeadElement: a whole page served by an endpoint, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <title>{`寄り添い 報告書 / yorisoi report ${heading}`}</title>
        <style>{printCss}</style>
      </head>
      <body>
        <p className="no-print">
          ブラウザの印刷（A4）で、セクションごとに1ページになります。 / Print on A4: one section a page.
        </p>
        {sections.map((section) => (
          <div key={section.key} className="report-section" data-report-page={section.key}>
            <p>寄り添い 報告書 / yorisoi report — {heading}</p>
            <SectionView section={section} period={period} />
          </div>
        ))}
      </body>
    </html>
  )
}
