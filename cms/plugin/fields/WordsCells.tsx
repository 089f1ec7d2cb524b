'use client'
import { RenderDefaultCell } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { audienceCellText, languageCellText, slotCellText } from './cellWords'

/** Payload's own cell (its link, its look) showing the value in words. */
function InWords({ props, words }: { props: DefaultCellComponentProps; words: string }) {
  return (
    <RenderDefaultCell
      clientProps={{ ...props, cellData: words }}
      columnIndex={props.columnIndex ?? 0}
      isLinkedColumn={Boolean(props.link)}
    />
  )
}

export const SlotCell = (props: DefaultCellComponentProps) => (
  <InWords props={props} words={slotCellText(props.cellData)} />
)
export const AudienceCell = (props: DefaultCellComponentProps) => (
  <InWords props={props} words={audienceCellText(props.cellData)} />
)
export const LanguageCell = (props: DefaultCellComponentProps) => (
  <InWords props={props} words={languageCellText(props.cellData)} />
)
