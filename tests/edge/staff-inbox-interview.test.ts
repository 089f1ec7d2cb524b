import { env, exports } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { localDate } from '../../shared/calendar'
import { consultationsPage } from '../../shared/contract'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { origin } from './support/resident-http'
import { accessRows, signAssertion, staffGet } from './support/staff'
import { deliverOn, postForm, sentText, storeSurveySnapshot, surveyPaths } from './support/surveys'

// The 8-month questionnaire's "I would like an interview" opens an interview request in the
// town's inbox, for the household's nurse; staff mark the interview done with its date.

beforeEach(async () => {
  await emptyDeliveryTables()
  await rows('DELETE FROM consultations')
})

/** A resident of さくら市 in pregnancy month 8, sent the day's message; the survey link in it. */
async function invited(id: string) {
  const snapshot = await storeSurveySnapshot()
  await insertExpecting(id)
  await deliverOn(snapshot, '2026-11-23')
  return surveyPaths(await sentText(`${id}@example.jp`, '2026-11-23'))[0]!
}

const interviews = async () => {
  const token = await signAssertion({ sub: 'nurse-5' })
  const response = await staffGet('/consultations?tenant=sakura-city&source=interview', token)
  expect(response.status).toBe(200)
  return consultationsPage.parse(await response.json()).consultations
}

const markDone = async (id: string, doneOn: string) =>
  exports.default.fetch(`${origin}/staff/consultations/${id}/interview?tenant=sakura-city`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await signAssertion({ sub: 'nurse-5' })}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ doneOn }),
  })

describe('an interview request from the questionnaire', () => {
  it("appears in the inbox with the preferred times, for the household's nurse, and is marked done with its date", async () => {
    const path = await invited('iv-1')
    await rows(
      `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, assigned_by, assigned_at)
       VALUES ('t-iv-1', 'sakura-city', 'nurse-5', '保健師 さとう', 'desk-1', '2026-11-01T00:00:00.000Z')`,
    )
    const sent = await postForm(path, [
      ['q_feeling', '2'],
      ['q_interview', 'yes'],
      ['contact', 'phone'],
      ['contact_phone', '090-1234-5678'],
      ['contact_note', '平日の午前'],
    ])
    expect(sent.status).toBe(200)
    const [request] = await interviews()
    expect(request).toMatchObject({
      source: 'interview',
      status: 'new',
      text: '平日の午前',
      assignee: 'nurse-5',
      nurse: { user: 'nurse-5', name: '保健師 さとう' },
      household: 't-iv-1',
      nickname: 'はな',
      interviewDoneOn: null,
    })
    // The desk's email, still sent, carries the same reference.
    const [mail] = await rows<{ subject: string }>(
      'SELECT subject FROM outbox WHERE recipient = ?1',
      'kosodate@sakura.example.jp',
    )
    expect(mail!.subject).toContain(`（${request!.reference}）`)

    const today = localDate(new Date(), 'Asia/Tokyo')
    const done = await markDone(request!.id, today)
    expect(done.status).toBe(200)
    const [after] = await interviews()
    expect(after).toMatchObject({ status: 'closed', interviewDoneOn: today })
    expect(after!.closedAt).not.toBeNull()
    const log = (await accessRows(env.DB, 'sakura-city')).filter((r) => r.action === 'mark-interview')
    expect(log.map((r) => [r.staff_user, r.household_id, r.count, r.reason])).toEqual([
      ['nurse-5', 't-iv-1', 1, 'interview'],
    ])
  })

  it('a "no" opens nothing', async () => {
    const no = await invited('iv-2')
    expect(
      (
        await postForm(no, [
          ['q_feeling', '4'],
          ['q_interview', 'no'],
        ])
      ).status,
    ).toBe(200)
    expect(await interviews()).toEqual([])
  })

  it('a request without a nurse waits unassigned', async () => {
    const yes = await invited('iv-3')
    const sent = await postForm(yes, [
      ['q_feeling', '3'],
      ['q_interview', 'yes'],
      ['contact', 'registered'],
    ])
    expect(sent.status).toBe(200)
    const [request] = await interviews()
    expect(request).toMatchObject({ assignee: null, nurse: null, household: 't-iv-3' })
    expect(request!.text).toContain('No preferred times given')
    expect((await markDone(request!.id, 'not-a-date')).status).toBe(400)
  })
})
