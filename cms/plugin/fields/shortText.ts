import type { TextareaField, Validate } from 'payload'
import { plainRubyMarkup, rubyMarkupProblem } from '../../../shared/contract/ruby-markup'
import { shortText } from '../../../shared/contract/short-text'
import { measureSms, smsCharacterCap } from '../../../shared/sms'
import { bilingual, label } from '../i18n'
import { zodValidate } from './zodValidate'

const contract = zodValidate(shortText, { optional: true })

/** The SMS/LINE text: known placeholders only, and no longer than Japanese SMS allows. */
export const validateShortText: Validate = (value, options) => {
  if (value === null || value === undefined || value === '') return true
  const unbalanced = rubyMarkupProblem(String(value))
  if (unbalanced) return unbalanced
  // A reading goes out as 漢字（かんじ）, so that is what is counted.
  const sent = plainRubyMarkup(String(value))
  const sms = measureSms(sent)
  if (!sms.fits) {
    return bilingual(
      `SMS短文が長すぎます: ${sms.characters}文字（上限${smsCharacterCap}文字、${sms.segments}通分）`,
      `The SMS text is too long: ${sms.characters} characters (at most ${smsCharacterCap}; ${sms.segments} segments)`,
    )
  }
  return contract(sent, options)
}

export const shortTextField = (): TextareaField => ({
  name: 'shortText',
  type: 'textarea',
  label: label('短文（SMS・LINE）', 'Short text (SMS, LINE)'),
  admin: {
    description: label(
      'SMSは全角70文字で1通、分割時は67文字ごとに1通。上限660文字。読み {漢字|かんじ} は 漢字（かんじ） として送られ、数えられます。',
      'SMS: 70 characters in one message, 67 per segment when split; at most 660. A reading {漢字|かんじ} is sent, and counted, as 漢字（かんじ）.',
    ),
  },
  validate: validateShortText,
})
