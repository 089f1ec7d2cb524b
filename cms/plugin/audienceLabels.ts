import { label } from './i18n'

/** Who a message is for, in words (also in the admin's browser: list cells). */
export const audienceLabels = {
  primary: label('本人（妊娠中の方・主な養育者）', 'Primary (pregnant person or main caregiver)'),
  partner: label('パートナー', 'Partner'),
  family: label('家族', 'Family'),
}
