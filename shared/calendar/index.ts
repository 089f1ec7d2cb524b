export {
  addMonths,
  addMonthsToDay,
  addYears,
  addYearsToDate,
  addYearsToDay,
  monthsBetween,
  monthsBetweenDays,
} from './anniversary'
export { type Bilingual, BilingualError, bilingualLine } from './bilingual'
export {
  addDays,
  type CivilDate,
  type CivilDateCheck,
  checkCivilDate,
  civilDateSchema,
  compareDates,
  type DayNumber,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isCivilDate,
  parseCivilDate,
  toDayNumber,
} from './civil-date'
export { localDate, localTime } from './zone'
