import { SegmentedMessage } from 'sms-segments-calculator'

// Japanese SMS is UCS-2: 70 characters fit one message, 67 per segment once split. Carriers take
// up to 670 characters, but aggregators often cap at 660: we hold every text to the lower cap.
export const smsCharacterCap = 660

export interface SmsMeasure {
  encoding: 'GSM-7' | 'UCS-2'
  /** Characters as the carrier counts them (UTF-16 code units for UCS-2). */
  characters: number
  segments: number
  fits: boolean
}

export function measureSms(text: string): SmsMeasure {
  const message = new SegmentedMessage(text, 'auto')
  const encoding = message.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2'
  const characters = encoding === 'UCS-2' ? text.length : message.numberOfCharacters
  return { encoding, characters, segments: message.segmentsCount, fits: characters <= smsCharacterCap }
}
