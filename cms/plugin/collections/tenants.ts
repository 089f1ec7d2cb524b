import type { CollectionConfig } from 'payload'
import { channels, tenantSlug } from '../../../shared/contract/primitives'
import { smsPricePerSegment } from '../../../shared/sms/price'
import { adminOnlyField, roleIn } from '../access/index'
import { smsLimitsField } from '../fields/smsLimits'
import {
  optionalEmail,
  optionalPhone,
  optionalUrl,
  requiredText,
  timeOfDay,
  timeZone,
} from '../fields/validators'
import { workspaceField } from '../fields/workspace'
import { zodValidate } from '../fields/zodValidate'
import { releaseTenant } from '../hooks/tenants/releaseTenant'
import { label } from '../i18n'
import { languageListField } from '../languages'
import type { ResolvedOptions } from '../types'

/** A program in words; one a deployment adds under its own name is shown by that name. */
export const programLabel = (name: string) =>
  name === 'standard' ? label('標準プログラム', 'Standard program') : label(name, name)

const channelLabels = {
  email: label('メール', 'Email'),
  sms: label('SMS', 'SMS'),
  line: label('LINE', 'LINE'),
}

/**
 * A municipality (or an NPO working for one). Provider secrets live at the edge, never here.
 * Municipal staff read and update only their own tenants (narrowed by the multi-tenant plugin).
 */
export const tenantsCollection = ({
  slugs,
  programs,
  languages,
  enabled,
}: ResolvedOptions): CollectionConfig => ({
  slug: slugs.tenants,
  labels: { singular: label('自治体', 'Tenant'), plural: label('自治体', 'Tenants') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'prefecture', 'sendTime'] },
  access: {
    create: roleIn('admin'),
    // A town's people read their own towns (the multi-tenant plugin narrows it): every admin page
    // asks which towns the user has, and a refusal there is an error page.
    read: roleIn(
      'admin',
      'editor',
      'medical-supervisor',
      'municipal-staff',
      'nurse',
      'desk',
      'privacy-officer',
      'viewer',
    ),
    update: roleIn('admin', 'municipal-staff'),
    delete: roleIn('admin'),
  },
  hooks: enabled ? { beforeDelete: [releaseTenant(slugs)] } : {},
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: label('名称（日本語）', 'Name (Japanese)'),
      validate: requiredText,
    },
    { name: 'nameEn', type: 'text', label: label('名称（英語）', 'Name (English)') },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('スラッグ', 'Slug'),
      validate: zodValidate(tenantSlug),
      access: { update: adminOnlyField },
    },
    { name: 'prefecture', type: 'text', label: label('都道府県', 'Prefecture') },
    {
      type: 'row',
      fields: [
        {
          name: 'timeZone',
          type: 'text',
          required: true,
          defaultValue: 'Asia/Tokyo',
          label: label('タイムゾーン', 'Time zone'),
          validate: timeZone,
        },
        {
          name: 'sendTime',
          type: 'text',
          required: true,
          defaultValue: '09:00',
          label: label('毎日の配信時刻', 'Daily send time'),
          validate: timeOfDay,
        },
      ],
    },
    {
      name: 'channels',
      type: 'select',
      hasMany: true,
      defaultValue: ['email'],
      label: label('利用するチャネル', 'Enabled channels'),
      options: channels.map((value) => ({ value, label: channelLabels[value] })),
    },
    {
      name: 'postalAddress',
      type: 'text',
      label: label('差出人の住所（メールに必ず表示）', 'Sender postal address (shown in every email)'),
      admin: {
        description: label(
          '特定電子メール法により各メールに表示します',
          'Every email shows it (Japanese law on email)',
        ),
      },
    },
    {
      name: 'senders',
      type: 'group',
      label: label('送信元', 'Sender addresses'),
      fields: [
        {
          name: 'fromAddress',
          type: 'email',
          label: label('差出人メールアドレス', 'From address'),
          validate: optionalEmail,
        },
        { name: 'lineBasicId', type: 'text', label: label('LINEベーシックID', 'LINE basic id') },
      ],
    },
    {
      name: 'senderNames',
      type: 'group',
      label: label('送信者名', 'Sender names'),
      admin: {
        description: label(
          'APIキーなどの秘密情報はここに入れません（配信側で管理）',
          'Provider secrets are kept at the edge, never here',
        ),
      },
      fields: [
        { name: 'email', type: 'text', label: label('メール差出人名', 'Email sender name') },
        { name: 'sms', type: 'text', label: label('SMS送信者名', 'SMS sender name') },
        { name: 'line', type: 'text', label: label('LINE公式アカウント名', 'LINE account name') },
      ],
    },
    smsLimitsField,
    workspaceField,
    {
      name: 'desk',
      type: 'group',
      label: label('相談窓口', 'Consultation desk'),
      fields: [
        { name: 'name', type: 'text', label: label('窓口名', 'Desk name') },
        { name: 'email', type: 'email', label: label('メール', 'Email'), validate: optionalEmail },
        { name: 'phone', type: 'text', label: label('電話', 'Phone'), validate: optionalPhone },
        { name: 'hours', type: 'text', label: label('受付時間', 'Hours') },
      ],
    },
    {
      name: 'privacyNotice',
      type: 'group',
      label: label('プライバシーポリシー', 'Privacy notice'),
      fields: [
        { name: 'url', type: 'text', label: label('URL', 'URL'), validate: optionalUrl },
        { name: 'version', type: 'text', label: label('版', 'Version') },
      ],
    },
    languageListField(languages, {
      name: 'languages',
      defaultValue: ['ja'],
      label: label('提供する言語', 'Languages offered'),
    }),
    languageListField(languages, {
      name: 'languageFallback',
      defaultValue: ['ja'],
      label: label('言語のフォールバック順', 'Language fallback order'),
    }),
    {
      name: 'program',
      type: 'select',
      required: true,
      defaultValue: Object.keys(programs)[0],
      label: label('プログラム', 'Program'),
      options: Object.keys(programs).map((value) => ({ value, label: programLabel(value) })),
    },
    {
      name: 'retentionDays',
      type: 'number',
      defaultValue: 90,
      min: 0,
      max: 3650,
      label: label('データの保存日数', 'Days residents’ data is kept'),
      admin: {
        description: label(
          '配信停止、または最後の記録の終了から、この日数が過ぎると住民のデータを削除します（件数だけが残ります）',
          'Residents’ data is deleted this many days after they stop or their last timeline ends (only counts remain)',
        ),
      },
    },
    {
      name: 'missedDay',
      type: 'select',
      defaultValue: 'skip',
      label: label('送れなかった日', 'A day that could not be sent'),
      options: [
        {
          value: 'skip',
          label: label('その日の分は送らず、今日の分だけ送る', 'Skip it: send today’s message only'),
        },
        {
          value: 'send-once',
          label: label(
            'その日の分も一度だけ「遅れて」と添えて送る',
            'Also send its message once, marked as late',
          ),
        },
      ],
      admin: {
        description: label(
          '障害などで配信できなかった日があったときの扱い（翌日以降に何通もまとめて送ることはしません）',
          'What happens after a day with no sending at all (an outage); a backlog is never sent',
        ),
      },
    },
    {
      name: 'entriesPerMessage',
      type: 'number',
      defaultValue: 3,
      min: 1,
      max: 10,
      required: true,
      label: label('1通に載せる地域のお知らせの数', 'Local entries per message'),
      admin: {
        description: label(
          'その日に該当するお知らせがこれより多いときは、優先度の高いものから載せ、残りは日ごとに順番に載せます',
          'When more entries apply on a day, higher priority ones come first and the rest take turns day by day',
        ),
      },
    },
    {
      name: 'smsUnitPriceYen',
      type: 'number',
      defaultValue: smsPricePerSegment.yen,
      min: 0,
      max: 1000,
      label: label('SMS 1通あたりの単価（円）', 'SMS price per segment (yen)'),
      admin: {
        description: label(
          '契約しているSMSの1通（分割された1通ごと）の単価です。ダッシュボードの費用の計算に使います',
          'What the town’s SMS contract charges per segment; the dashboard’s cost uses it',
        ),
      },
    },
    {
      name: 'lineFreeQuota',
      type: 'number',
      min: 0,
      label: label('LINEの無料メッセージ数（月）', 'LINE free messages per month'),
      admin: {
        description: label(
          'LINE公式アカウントの料金プランに含まれる、月あたりのメッセージ数です。空欄は無制限です（地方公共団体プランは無料・通数無制限）',
          'Messages a month included in the town’s LINE official account plan; empty means unlimited (the plan for local governments is free and unlimited)',
        ),
      },
    },
    {
      name: 'lineYenPerMessage',
      type: 'number',
      defaultValue: 0,
      min: 0,
      max: 100,
      label: label(
        'LINEの無料分を超えた1通の単価（円）',
        'LINE price per message beyond the free ones (yen)',
      ),
      admin: {
        description: label(
          '料金プランの追加メッセージの単価です。ダッシュボードの費用の計算に使います（地方公共団体プランは0円）',
          'What the plan charges per message beyond its free ones; the dashboard’s cost uses it (0 on the plan for local governments)',
        ),
      },
    },
    {
      name: 'pregnancyNotificationsPerYear',
      type: 'number',
      min: 0,
      label: label('妊娠届出数（年間）', 'Pregnancy notifications per year'),
      admin: {
        description: label(
          '入力すると、ダッシュボードに届いている割合を表示します（任意）',
          'When entered, the dashboard shows the share of births reached (optional)',
        ),
      },
    },
    {
      name: 'branding',
      type: 'group',
      label: label('ブランディング', 'Branding'),
      fields: [
        {
          name: 'color',
          type: 'text',
          label: label('テーマ色', 'Theme colour'),
          validate: (v: unknown) =>
            !v || /^#[0-9a-fA-F]{6}$/.test(String(v)) ? true : '色は #RRGGBB で / A colour is #RRGGBB',
        },
        { name: 'logoUrl', type: 'text', label: label('ロゴURL', 'Logo URL'), validate: optionalUrl },
      ],
    },
  ],
})
