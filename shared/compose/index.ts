// Selection, composition and channel rendering: pure, no I/O, the same in Node and workerd.

export {
  type AnnouncementLinks,
  type AnnouncementReader,
  type AnnouncementSender,
  announcementTextFor,
  type RenderedAnnouncement,
  renderAnnouncement,
} from './announcement'
export { type ComposeInput, composeDay, programOf } from './compose-day'
export { composeKey } from './compose-key'
export type { ComposedEntry, ComposedMessage, Composition, Gap } from './composition'
export { chooseDayEntries, type DayEntries } from './day-entries'
export { type RenderedEmail, renderEmail } from './email'
export type { FilledBlock, FilledInline } from './filled'
export { blocksToHtml, type HtmlStyles } from './html'
export { type LineTextMessage, lineMessageLimit, lineMessagesOf, lineTextLimit, renderLine } from './line'
export { type EntryQuery, type EntryText, entriesFor, entryIn } from './local-entries'
export { indexMessages, type MessageIndex, messageKey } from './message-index'
export { type NurseChange, nurseChangeText, nurseNoteOf } from './nurse'
export { type PageData, renderPage } from './page'
export type { ComposeProblem, Outcome } from './problem'
export { textSections } from './sections'
export {
  type Coverage,
  type CoverageCount,
  coverageOf,
  type Fallback,
  languageChain,
  type Selection,
  selectMessage,
} from './select'
export { type RenderedSms, renderSms } from './sms'
export { type ResidentValues, StandIns } from './stand-ins'
export { type TaskLineInput, taskLineOf } from './task-line'
export { blocksToText, inlinesToText } from './text'
export type { DeliveryLinks, Subscriber } from './values'
