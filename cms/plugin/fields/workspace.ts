import type { Field } from 'payload'
import { workspaceRetentionDefaults } from '../../../shared/contract/tenant'
import { label } from '../i18n'

const days = (name: keyof typeof workspaceRetentionDefaults, ja: string, en: string, min: number): Field => ({
  name,
  type: 'number',
  min,
  max: 3650,
  label: label(ja, en),
  admin: {
    placeholder: String(workspaceRetentionDefaults[name]),
    description: label(
      `空欄なら${workspaceRetentionDefaults[name]}日`,
      `Empty means ${workspaceRetentionDefaults[name]} days`,
    ),
  },
})

/** The town's staff-workspace settings: its interpreter line and how long the workspace keeps things. */
export const workspaceField: Field = {
  name: 'workspace',
  type: 'group',
  label: label('職員ワークスペース', 'Staff workspace'),
  fields: [
    {
      name: 'interpreterLine',
      type: 'text',
      maxLength: 200,
      label: label('通訳の連絡先', 'Interpreter line'),
      admin: {
        description: label(
          '日本語以外の相談の横に表示します（例: 通訳 0120-000-000 平日9時〜17時）',
          'Shown beside a consultation in another language (e.g. Interpreter 0120-000-000, weekdays 9–17)',
        ),
      },
    },
    {
      name: 'retention',
      type: 'group',
      label: label('保存期間（日）', 'Retention (days)'),
      fields: [
        days('accessLogDays', 'アクセス記録', 'Access log', 365),
        days('consultationDays', '相談（対応終了から）', 'Consultations (after closing)', 30),
        days('staffMessageDays', '職員からのメッセージ', 'Staff messages', 30),
      ],
    },
  ],
}
