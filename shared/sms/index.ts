export { measureSms, type SmsMeasure, smsCharacterCap } from './segments'
