import type { CollectionConfig, Field } from 'payload'
import { deliveryKinds, deliveryOutcomes, providerPauseCauses, stopReasons } from '../../shared/contract'
import { label } from '../plugin/i18n'
import { countsCollectionBase } from './access'
import {
  audienceField,
  channelField,
  countField,
  deliveryKindLabels,
  languageField,
  outcomeLabels,
  pauseCauseLabels,
  selectField,
  stageField,
  stateLabels,
  stopReasonLabels,
} from './dashboard-labels'

type Label = { ja: string; en: string }

/** The dashboard's count collections, by the report's list each stores (slug → fields after date, tenant). */
export const dashboardSlugs = {
  deliveries: 'delivery-counts',
  residents: 'resident-counts',
  registrations: 'registration-counts',
  stops: 'stop-counts',
  reading: 'reading-counts',
  costs: 'cost-counts',
  consultations: 'consultation-counts',
  surveyResponses: 'survey-response-counts',
  tasks: 'task-counts',
  providerPauses: 'provider-pause-counts',
} as const
export type DashboardList = keyof typeof dashboardSlugs

const spec: Record<DashboardList, { singular: Label; description: Label; fields: () => Field[] }> = {
  deliveries: {
    singular: label('配信件数', 'Delivery count'),
    description: label(
      '日ごと・種類・チャネル・結果ごとの配信の件数です（宛先や内容は含みません）。',
      'Deliveries per day, kind, channel and outcome (no addresses or content).',
    ),
    fields: () => [
      selectField('kind', label('種類', 'Kind'), deliveryKinds, deliveryKindLabels),
      { name: 'slot', type: 'text', label: label('スロット', 'Slot') },
      channelField(),
      selectField('outcome', label('結果', 'Outcome'), deliveryOutcomes, outcomeLabels),
      countField('count', label('件数', 'Count')),
    ],
  },
  residents: {
    singular: label('登録者数', 'Resident count'),
    description: label(
      'その日の終わりに登録している方（確認済み・停止していない方）の人数です。',
      'Residents registered (confirmed, not stopped) at the end of each day.',
    ),
    fields: () => [
      stageField(),
      audienceField(),
      channelField(),
      languageField(),
      selectField('state', label('状態', 'State'), ['active', 'paused'], stateLabels),
      countField('count', label('人数', 'Count')),
    ],
  },
  registrations: {
    singular: label('新規登録数', 'Registration count'),
    description: label(
      'その日に始まった登録のうち、確認が済んだ数と済んでいない数です。',
      'Registrations started each day: confirmed, and never confirmed.',
    ),
    fields: () => [
      channelField(),
      languageField(),
      audienceField(),
      countField('confirmed', label('確認済み', 'Confirmed')),
      countField('unconfirmed', label('未確認', 'Unconfirmed')),
    ],
  },
  stops: {
    singular: label('配信停止数', 'Stop count'),
    description: label(
      'その日に配信を止めた方の数と、その理由です。',
      'Residents who stopped each day, by reason.',
    ),
    fields: () => [
      selectField('reason', label('理由', 'Reason'), stopReasons, stopReasonLabels),
      countField('count', label('人数', 'Count')),
    ],
  },
  reading: {
    singular: label('閲覧数', 'Reading count'),
    description: label(
      'その日に送った定期のお便りのうち、ページが開かれた数とリンクが押された数です。',
      'Program messages sent each day, and how many pages were opened and links clicked.',
    ),
    fields: () => [
      channelField(),
      stageField(),
      countField('sent', label('送信', 'Sent')),
      countField('opened', label('開封', 'Opened')),
      countField('clicked', label('クリック', 'Clicked')),
    ],
  },
  costs: {
    singular: label('送信数（費用）', 'Cost count'),
    description: label(
      'その日に送ったメッセージの数と、SMS の通数（分割を含む）です。',
      'Messages sent each day by channel, and the SMS segments they took.',
    ),
    fields: () => [
      channelField(),
      countField('messages', label('メッセージ', 'Messages')),
      countField('smsSegments', label('SMS通数', 'SMS segments')),
    ],
  },
  consultations: {
    singular: label('相談件数', 'Consultation count'),
    description: label(
      'その日に届いた相談の数、緊急の数、1営業日以内（土日を除く）に対応した数です。',
      'Consultations received each day, urgent ones, and those answered within one working day (Mon–Fri).',
    ),
    fields: () => [
      countField('received', label('受付', 'Received')),
      countField('urgent', label('緊急', 'Urgent')),
      countField(
        'answeredWithinOneWorkingDay',
        label('1営業日以内に対応', 'Answered within one working day'),
      ),
    ],
  },
  surveyResponses: {
    singular: label('アンケートの回答状況', 'Survey response count'),
    description: label(
      'その日にアンケートが初めて届いた方、再案内が届いた方、回答した方、面談を希望した方、面談を実施した数です（時期別）。',
      'Residents a survey first reached, reminded and answering each day, interviews asked for and held, by stage.',
    ),
    fields: () => [
      { name: 'surveyId', type: 'text', required: true, index: true, label: label('アンケート', 'Survey') },
      { name: 'surveyVersion', type: 'number', required: true, label: label('版', 'Version') },
      stageField(true),
      countField('offered', label('案内', 'Offered')),
      countField('reminded', label('再案内', 'Reminded')),
      countField('answered', label('回答', 'Answered')),
      countField('interviewsRequested', label('面談の希望', 'Interviews requested')),
      countField('interviewsHeld', label('面談の実施', 'Interviews held')),
    ],
  },
  tasks: {
    singular: label('やることの件数', 'Task count'),
    description: label(
      'その日にやることが初めて届いた方、リマインドが届いた方、済んだ方、リマインドの後に済んだ方の数です。',
      'Residents a task first reached, reminded, who did it, and who did it after a reminder, each day.',
    ),
    fields: () => [
      { name: 'taskId', type: 'text', required: true, index: true, label: label('やること', 'Task') },
      countField('offered', label('案内', 'Offered')),
      countField('reminded', label('リマインド', 'Reminded')),
      countField('done', label('済み', 'Done')),
      countField('doneAfterReminder', label('リマインド後に済み', 'Done after a reminder')),
    ],
  },
  providerPauses: {
    singular: label('事業者による一時停止', 'Provider pause count'),
    description: label(
      '送信事業者の側で届かなくなり一時停止している方の数です（記録が最後に変わった日）。',
      'Residents paused because the provider refused the address or sending kept failing (by the day their record last changed).',
    ),
    fields: () => [
      channelField(),
      selectField('cause', label('理由', 'Cause'), providerPauseCauses, pauseCauseLabels),
      countField('count', label('人数', 'Count')),
    ],
  },
}

/** One of the dashboard's count collections: read-only, per tenant and day, like the other counts. */
export function dashboardCountsCollection(list: DashboardList, tenantsSlug: string): CollectionConfig {
  const { singular, description, fields } = spec[list]
  const base = countsCollectionBase(tenantsSlug)
  const own = fields()
  return {
    slug: dashboardSlugs[list],
    labels: { singular, plural: singular },
    admin: {
      useAsTitle: 'date',
      defaultColumns: ['date', 'tenant', ...own.flatMap((f) => ('name' in f ? [f.name] : []))].slice(0, 7),
      description,
    },
    ...base,
    fields: [...base.fields, ...own],
  }
}
