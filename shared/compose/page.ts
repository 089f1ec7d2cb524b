import type { ComposedEntry, ComposedMessage, Composition } from './composition'
import type { FilledBlock } from './filled'
import { blocksToHtml } from './html'

/** What the edge's message page (/m/...) shows inside its own frame; html is escaped and unstyled. */
export interface PageData {
  language: string
  title: string
  sample: boolean
  messages: { slot: string; language: string; blocks: FilledBlock[]; html: string }[]
  entriesHeading: Composition['entriesHeading']
  entries: {
    id: string
    language: string
    note?: string
    title: string
    blocks: FilledBlock[]
    html: string
    url?: string
  }[]
  birthdayNote: Composition['birthdayNote']
  survey: Composition['survey']
  task: Composition['task']
  consultation: Composition['consultation']
  links: { consultUrl: string; selfServiceUrl: string; unsubscribeUrl: string }
  tenantName: string
  accentColor: string
}

export function renderPage(composition: Composition): PageData {
  const { links } = composition
  return {
    language: composition.language,
    title: composition.subject,
    sample: composition.sample,
    messages: composition.messages.map((message: ComposedMessage) => ({
      slot: message.slot,
      language: message.language,
      blocks: message.blocks,
      html: blocksToHtml(message.blocks, message.language),
    })),
    entriesHeading: composition.entriesHeading,
    entries: composition.entries.map((entry: ComposedEntry) => ({
      id: entry.id,
      language: entry.language,
      ...(entry.note ? { note: entry.note } : {}),
      title: entry.title,
      blocks: entry.blocks,
      html: blocksToHtml(entry.blocks, entry.language),
      ...(entry.url ? { url: entry.url } : {}),
    })),
    birthdayNote: composition.birthdayNote,
    survey: composition.survey,
    task: composition.task,
    consultation: composition.consultation,
    links: {
      consultUrl: links.consultUrl,
      selfServiceUrl: links.selfServiceUrl,
      unsubscribeUrl: links.unsubscribeUrl,
    },
    tenantName: composition.sender.tenantName,
    accentColor: composition.sender.accentColor,
  }
}
