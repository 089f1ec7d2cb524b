import {
  type AttentionReason,
  attentionLabels,
  type MemberState,
  memberStateLabels,
} from '../../../shared/contract'

export const stateOptions = Object.entries(memberStateLabels) as [MemberState, string][]
export const attentionOf = (reason: AttentionReason) => attentionLabels[reason]
export const stateOf = (state: MemberState) => memberStateLabels[state]

export const reasonOptions: [string, string][] = [
  ['routine', '通常の業務 / Routine work'],
  ['interview', '面談の準備 / Preparing an interview'],
  ['consultation', '相談への対応 / Answering a consultation'],
  ['follow-up', '継続支援 / Follow-up'],
]
