import { personalData } from '../resident/personal-data'

// ?1: the resident's subscriber ids, ?2: their households' (timelines') ids, as JSON arrays.
const subscribers = 'SELECT value FROM json_each(?1)'
const households = 'SELECT value FROM json_each(?2)'

/**
 * How a table's rows are found for one resident, from the columns personal-data.ts marks personal:
 * their own id, a household id, the id of a row of theirs (a delivery, a consultation, a survey
 * response) or their address. Derived, not listed, so a table added later with such a column is disclosed too; one
 * holding personal data by none of these keys throws, and tests/edge/staff-disclosure.test.ts fails.
 */
export function disclosureWhere(table: string, personal: readonly string[]): string {
  if (table === 'subscribers') return `id IN (${subscribers})`
  if (table === 'timelines') return `id IN (${households})`
  if (personal.includes('subscriber_id')) return `subscriber_id IN (${subscribers})`
  if (personal.includes('household_id')) return `household_id IN (${households})`
  if (personal.includes('delivery_id'))
    return `delivery_id IN (SELECT id FROM deliveries WHERE subscriber_id IN (${subscribers}))`
  if (personal.includes('consultation_id'))
    return `consultation_id IN (SELECT id FROM consultations WHERE subscriber_id IN (${subscribers}))`
  if (personal.includes('response_id'))
    return `response_id IN (SELECT id FROM survey_responses WHERE subscriber_id IN (${subscribers}))`
  // Kept per address, not per subscriber (a provider's refusal): the resident's own addresses.
  if (personal.includes('address'))
    return `address IN (SELECT address FROM subscribers WHERE id IN (${subscribers}) AND address IS NOT NULL)`
  // A dead-lettered batch: its body is the queue message, naming subscribers by id.
  if (table === 'dead_letters')
    return `EXISTS (SELECT 1 FROM json_each(?1) ids WHERE instr(dead_letters.body, ids.value) > 0)`
  throw new Error(`${table}: personal data with no key to a resident — add its rule to disclosureWhere`)
}

/** Every table that holds personal data, with how to find one resident's rows in it. */
export const disclosureTables = (): { table: string; where: string }[] =>
  Object.entries(personalData)
    .filter(([, kinds]) => kinds.personal.length > 0)
    .map(([table, kinds]) => ({ table, where: disclosureWhere(table, kinds.personal) }))
