import type { Composition } from './composition'
import { joined, say, strings } from './strings'
import { taskText } from './task-line'
import { blocksToText } from './text'

// The composition as plain-text sections in reading order, shared by the email's text part and
// LINE: the messages, the local entries, the birthday note, the survey, the consultation, the links.

export function entriesText(composition: Composition): string | null {
  if (composition.entries.length === 0) return null
  const more = say(strings.entryLink, composition.language)
  const entries = composition.entries.map((entry) =>
    [
      `■ ${entry.title}`,
      entry.note ?? '',
      blocksToText(entry.blocks),
      entry.url ? `${more} ${entry.url}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  )
  return [`【${joined(composition.entriesHeading)}】`, ...entries].join('\n\n')
}

export function consultationText(composition: Composition): string {
  const { consultation, language } = composition
  return [
    `【${say(strings.consultHeading, language)}】`,
    consultation.deskName,
    `${say(strings.phone, language)} ${consultation.phone}（${consultation.hours}）`,
    `${say(strings.consultLink, language)} ${consultation.url}`,
  ].join('\n')
}

export function textSections(composition: Composition): string[] {
  const { birthdayNote, survey, links, language } = composition
  return [
    ...composition.messages.map((message) => blocksToText(message.blocks)),
    entriesText(composition),
    birthdayNote && `${joined(birthdayNote.text)}\n${joined(birthdayNote.linkText)} ${birthdayNote.url}`,
    survey && `${joined(survey.text)}\n${joined(survey.linkText)} ${survey.url}`,
    composition.task && taskText(composition.task),
    composition.nurseNote,
    consultationText(composition),
    [
      `${say(strings.readOnWeb, language)} ${links.messageUrl}`,
      `${say(strings.settings, language)} ${links.selfServiceUrl}`,
    ].join('\n'),
  ].filter((section): section is string => Boolean(section))
}
