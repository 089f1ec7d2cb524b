import { SectionView } from './DashboardBody'
import type { DashboardData } from './load'
import { SampleNotice, sampleMark } from './SampleNotice'
import type { Section } from './table'

// A4, one section a page: a desk prints it and attaches it to a council answer or a 交付金 report.
const printCss = `
@page { size: A4 portrait; margin: 12mm; }
body { font-family: 'Noto Sans JP', sans-serif; color: #000; background: #fff; font-size: 8pt; margin: 0; }
h2 { font-size: 12pt; margin: 0 0 2mm; }
h3 { font-size: 9pt; margin: 2mm 0 1mm; grid-column: 1 / -1; }
figcaption { font-size: 7pt; gap: 0 3mm !important; }
.report-section { break-after: page; page-break-after: always; }
.report-section:last-of-type { break-after: auto; page-break-after: auto; }
.report-section .dashboard-table { display: grid; grid-template-columns: 1fr 1fr; gap: 0 4mm; align-items: start; margin: 0 0 2mm !important; break-inside: avoid; page-break-inside: avoid; }
.report-section figure { margin: 0; }
.report-section figure svg { width: 100%; max-height: 70mm; }
.report-section caption { display: none; }
table { border-collapse: collapse; font-size: 7pt; line-height: 1.15; }
th, td { border: 1px solid #555; padding: 0 1.2mm; }
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
        <SampleNotice days={data.sampleDays} />
        {sections.map((section) => (
          <div key={section.key} className="report-section" data-report-page={section.key}>
            <p>
              {data.sampleDays > 0 ? <strong>{sampleMark}　</strong> : null}
              寄り添い 報告書 / yorisoi report — {heading}
            </p>
            <SectionView section={section} period={period} />
          </div>
        ))}
      </body>
    </html>
  )
}
