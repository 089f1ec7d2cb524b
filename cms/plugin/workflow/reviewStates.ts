import { label } from '../i18n'

export const reviewStates = ['draft', 'in-review', 'changes-requested', 'approved'] as const
export type ReviewState = (typeof reviewStates)[number]

export const reviewStateLabels: Record<ReviewState, { ja: string; en: string }> = {
  draft: label('下書き', 'Draft'),
  'in-review': label('監修待ち', 'In review'),
  'changes-requested': label('修正依頼', 'Changes requested'),
  approved: label('承認済み', 'Approved'),
}
