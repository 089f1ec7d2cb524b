import { hasRole, type Role, staffRolesOf } from '../roles'

/** One of yorisoi's own screens, for the roles that can use it. */
export interface ScreenLink {
  path: string
  ja: string
  en: string
  /** What it is for, on the role's home. */
  hint: string
  roles: readonly Role[]
}

const content: readonly Role[] = ['admin', 'editor', 'medical-supervisor', 'viewer']

/** yorisoi's screens beyond the collections, in the order the navigation shows them. */
export const screens: readonly ScreenLink[] = [
  {
    path: '/review-queue',
    ja: '監修待ち',
    en: 'Review queue',
    hint: '監修を待つメッセージを読み、承認か修正依頼をします / Read waiting messages, approve or ask for changes',
    roles: ['admin', 'editor', 'medical-supervisor'],
  },
  {
    path: '/coverage',
    ja: 'カバレッジ',
    en: 'Coverage',
    hint: 'どの日・対象・言語にメッセージがあるか / Which days, audiences and languages have a message',
    roles: content,
  },
  {
    path: '/resident-preview',
    ja: '住民プレビュー',
    en: 'Resident preview',
    hint: '住民に届く日のメッセージを見る / See a day’s message as a resident gets it',
    roles: [...content, 'municipal-staff'],
  },
  {
    path: '/collections/announcements',
    ja: 'お知らせ',
    en: 'Announcements',
    hint: 'ご家族へのお知らせを書き、別の人が承認し、送信を見守る / Write a notice to families, have someone else approve it, follow its sending',
    roles: ['admin', 'medical-supervisor', 'municipal-staff', 'nurse', 'desk'],
  },
  {
    path: '/publish',
    ja: '公開',
    en: 'Publish',
    hint: '承認済みの内容を住民へ届く状態にする / Make approved content what residents get',
    roles: [...content, 'municipal-staff'],
  },
  {
    path: '/families',
    ja: 'ご家族',
    en: 'Families',
    hint: '担当のご家族の一覧、保健師の割り当て / Your families; assign a nurse',
    roles: ['nurse', 'desk'],
  },
  {
    path: '/inbox',
    ja: '相談',
    en: 'Inbox',
    hint: 'ご家族からの相談と面談の希望に答える / Answer consultations and interview requests',
    roles: ['nurse', 'desk'],
  },
  {
    path: '/counter-registration',
    ja: '窓口での登録',
    en: 'Counter registration',
    hint: '妊娠届の面談で登録を始める（同意はご本人がスマートフォンで） / Start a registration at the interview (the resident consents on their phone)',
    roles: ['nurse', 'desk'],
  },
  {
    path: '/access-log',
    ja: 'アクセス記録',
    en: 'Access log',
    hint: '職員がいつ・どのご家族を見たか、開示請求 / Who read which family and when; disclosure requests',
    roles: ['privacy-officer'],
  },
]

/** The screens this user can use: by their roles; staff roles never for an admin. */
export function screensFor(user: unknown): ScreenLink[] {
  const staff = staffRolesOf(user)
  return screens.filter((screen) =>
    screen.roles.some((role) =>
      role === 'nurse' || role === 'desk' || role === 'privacy-officer'
        ? staff.includes(role)
        : hasRole(user, role),
    ),
  )
}
