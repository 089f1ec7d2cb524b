export { smsCost, smsPricePerSegment } from './price'
export { measureSms, type SmsMeasure, smsCharacterCap } from './segments'
