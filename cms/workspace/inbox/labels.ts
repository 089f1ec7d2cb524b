import type { ConsultationSource, ConsultationStatus } from '../../../shared/contract'

/** How the inbox names a status and a source, Japanese first. */
export const statusLabels: Record<ConsultationStatus, string> = {
  new: '新規 / New',
  'in-progress': '対応中 / In progress',
  closed: '完了 / Closed',
}

export const sourceLabels: Record<ConsultationSource, string> = {
  form: '相談フォーム / Form',
  line: 'LINE',
  sms: 'SMS',
  interview: '面談の希望 / Interview request',
}
