import type { Channel, StaffDeliveryState } from '../../../shared/contract'

export const stateLabels: Record<StaffDeliveryState, string> = {
  sending: '送信中 / Sending',
  sent: '送信済み / Sent',
  failed: '届きませんでした / Failed',
  flagged: '要確認（届いたか不明） / Check: may not have arrived',
  opened: '開封済み / Opened',
}

export const channelLabels: Record<Channel, string> = {
  email: 'メール / Email',
  sms: 'SMS',
  line: 'LINE',
}
