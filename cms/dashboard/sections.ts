import { costSection } from './cost'
import { consultationSection, deliverySection, readingSection } from './delivery'
import type { DashboardData } from './load'
import { reachSection } from './reach'
import { surveysSection } from './surveys'
import type { Section, Table } from './table'
import { tasksSection } from './tasks'
import { townsSection } from './towns'

/** The dashboard's sections in the order staff read them (each town first, across several). */
export const sectionsOf = (data: DashboardData): Section[] =>
  [
    townsSection(data),
    reachSection(data),
    deliverySection(data),
    readingSection(data),
    surveysSection(data),
    tasksSection(data),
    costSection(data),
    consultationSection(data),
  ].filter((section): section is Section => section !== null)

export const findTable = (sections: Section[], key: string): Table | undefined =>
  sections.flatMap((section) => section.tables).find((table) => table.key === key)
