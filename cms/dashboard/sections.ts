import { costSection } from './cost'
import { consultationSection, deliverySection, readingSection } from './delivery'
import type { DashboardData } from './load'
import { reachSection } from './reach'
import { surveysSection } from './surveys'
import type { Section, Table } from './table'

/** The dashboard's sections in the order staff read them. */
export const sectionsOf = (data: DashboardData): Section[] => [
  reachSection(data),
  deliverySection(data),
  readingSection(data),
  surveysSection(data),
  costSection(data),
  consultationSection(data),
]

export const findTable = (sections: Section[], key: string): Table | undefined =>
  sections.flatMap((section) => section.tables).find((table) => table.key === key)
