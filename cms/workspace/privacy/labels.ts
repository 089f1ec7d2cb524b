import type { StaffAction } from '../../../shared/contract'

/** What each access-log action means, for the privacy officer's table. */
export const actionLabels: Record<StaffAction, string> = {
  'list-families': '家族一覧 / Families list',
  'export-families': '家族一覧の書き出し / Families export',
  'read-household': '家族の記録を閲覧 / Household read',
  'assign-nurse': '担当保健師の割り当て / Nurse assigned',
  'read-nurse-load': '保健師ごとの担当数の閲覧 / Families per nurse read',
  'set-reference': '自治体の番号を設定 / Reference set',
  'message-household': '家族へのメッセージ / Message to a household',
  'list-consultations': '相談一覧 / Consultations list',
  'update-consultation': '相談の更新 / Consultation updated',
  'reply-consultation': '相談への返信 / Consultation reply',
  'mark-interview': '面談の記録 / Interview marked',
  'start-registration': '窓口での登録 / Counter registration',
  'export-disclosure': '開示請求の書き出し / Disclosure export',
  'read-access-log': 'アクセス記録の閲覧 / Access log read',
  'export-access-log': 'アクセス記録の書き出し / Access log export',
  'role-change': '役割・担当自治体の変更 / Role change',
  'read-notices': 'お知らせの閲覧 / Notices read',
  'preview-announcement': '自治体からのお知らせの送り先の確認 / Announcement recipients previewed',
  'read-announcements': '自治体からのお知らせの送信状況の閲覧 / Announcement status read',
  'cancel-announcement': '自治体からのお知らせの取り消し / Announcement cancelled',
  'mark-task-done': 'やることを済みとして記録 / Task marked done',
  'read-task-counts': 'やることの集計の閲覧 / Task counts read',
}

export const roleLabel: Record<string, string> = {
  nurse: '保健師 / Nurse',
  desk: '窓口 / Desk',
  'privacy-officer': '個人情報保護担当 / Privacy officer',
  admin: '管理者 / Administrator',
}

/** The tables of a disclosure, as a resident would understand them. */
export const tableLabels: Record<string, string> = {
  subscribers: '登録内容 / Registration',
  timelines: '妊娠・お子さんの記録 / Pregnancies and children',
  timeline_members: '家族のつながり / Household membership',
  consents: '同意の記録 / Consent',
  access_tokens: 'リンク / Links',
  deliveries: '送ったお便り / Messages sent',
  delivery_clicks: 'お便りのリンクの利用 / Links opened',
  delivery_failures: '届かなかった記録 / Failed sends',
  delivery_resolutions: '送信の確認 / Send checks',
  consultations: '相談 / Consultations',
  consultation_forwards: '相談の転送 / Consultation forwards',
  survey_links: 'アンケートの以前のリンク / Earlier survey links',
  survey_responses: 'アンケートの回答 / Survey responses',
  survey_answers: 'アンケートの答え / Survey answers',
  verifications: '確認コード / Verification codes',
  address_changes: '連絡先の変更 / Address changes',
  deletion_requests: '削除の申し込み / Deletion requests',
  outbox: '送信記録（ローカル） / Outbox',
  household_nurses: '担当保健師 / Assigned nurse',
  household_references: '自治体の番号 / Town reference',
  suppressions: '送信停止 / Suppressions',
  dead_letters: '送信の失敗（再試行切れ） / Dead letters',
}
