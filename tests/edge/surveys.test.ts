import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { programDeliveryId, programLinks } from './support/delivered-mail'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import {
  deliverOn,
  getPage,
  postForm,
  sentText,
  site,
  storeSurveySnapshot,
  surveyPaths,
} from './support/surveys'

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM survey_answer_counts').run()
})

const counts = () =>
  rows<{ question_id: string; value: string; count: number; local_date: string }>(
    'SELECT local_date, question_id, value, count FROM survey_answer_counts ORDER BY question_id, value',
  )

/** A resident in pregnancy month 8 on 2026-11-23, sent that day's message; returns the survey link. */
async function invited(id = 'sub-1', channel: 'email' | 'sms' | 'line' = 'email') {
  const snapshot = await storeSurveySnapshot()
  await insertExpecting(id, { channel })
  await deliverOn(snapshot, '2026-11-23')
  const address = channel === 'email' ? `${id}@example.jp` : channel === 'sms' ? '+819012345678' : `U${id}`
  const text = await sentText(address, '2026-11-23')
  const [path] = surveyPaths(text)
  return { snapshot, text, path: path!, address }
}

const answers = (extra: [string, string][] = []): [string, string][] => [
  ['q_feeling', '4'],
  ['q_worries', 'body'],
  ['q_worries', 'work'],
  ['q_interview', 'no'],
  ['q_comment', '  助かっています  '],
  ...extra,
]

describe('the survey line in the day’s message', () => {
  it('email: a line naming the survey and a /q/ link tied to that delivery', async () => {
    const { text, path } = await invited()
    expect(text).toContain('アンケート「妊娠8か月のアンケート」にご協力ください。')
    expect(path).toMatch(/^\/q\/1?[A-Za-z0-9_-]{27}$/)
    const [invitation] = await rows<{
      survey_id: string
      survey_version: number
      reminder: number
      delivery_id: string
    }>(
      'SELECT survey_id, survey_version, survey_reminder AS reminder, id AS delivery_id FROM deliveries WHERE survey_id IS NOT NULL',
    )
    expect(invitation).toEqual({
      survey_id: 'sakura-8m',
      survey_version: 1,
      reminder: 0,
      delivery_id: await programDeliveryId('sub-1'),
    })
    // The link takes the message page's own segment: no token of its own, nothing stored for it.
    const page = new URL((await programLinks('sub-1')).links.messageUrl)
    expect(path).toBe(page.pathname.replace(/^\/m\//, '/q/'))
    // The token is never stored, only its hash.
    expect(JSON.stringify(await rows('SELECT * FROM deliveries'))).not.toContain(path.slice(4))
  })

  it('SMS and LINE carry the link too', async () => {
    const sms = await invited('sub-sms', 'sms')
    expect(sms.text).toMatch(new RegExp(`アンケート ${site}/q/1?[A-Za-z0-9_-]{27}`))
    await emptyDeliveryTables()
    const line = await invited('sub-line', 'line')
    expect(line.text).toContain('アンケート「妊娠8か月のアンケート」にご協力ください。')
    expect(line.path).toBeDefined()
  })

  it('the message page shows the line, its link leading (through the click redirect) to the survey', async () => {
    const { path } = await invited()
    const page = new URL((await programLinks('sub-1')).links.messageUrl)
    const body = await (await getPage(page.pathname)).text()
    expect(body).toContain('アンケート「妊娠8か月のアンケート」にご協力ください。')
    const go = [...body.matchAll(/href="(\/m\/[^"]+\/go\/\d+)"><span lang="ja">アンケートに答える/g)].map(
      (m) => m[1]!,
    )
    expect(go).toHaveLength(1)
    const redirect = await getPage(go[0]!)
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe(`${site}${path}`)
  })

  it('a resident outside the window gets no survey line', async () => {
    const snapshot = await storeSurveySnapshot()
    await insertExpecting('sub-early', { due: '2027-05-20' })
    await deliverOn(snapshot, '2026-11-23')
    const text = await sentText('sub-early@example.jp', '2026-11-23')
    expect(text).not.toContain('アンケート')
    expect(await rows('SELECT survey_id FROM deliveries WHERE survey_id IS NOT NULL')).toEqual([])
    // Their message page opens; the same segment under /q/ names no survey.
    const page = new URL((await programLinks('sub-early')).links.messageUrl)
    expect((await getPage(page.pathname)).status).toBe(200)
    const survey = await getPage(page.pathname.replace(/^\/m\//, '/q/'))
    expect(survey.status).toBe(404)
    expect(await survey.text()).toContain('このリンクは使えません')
  })
})

describe('the survey page and its answers', () => {
  it('shows the questions in Japanese with English, and stores a valid answer per delivery', async () => {
    const { path } = await invited()
    const form = await getPage(path)
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('妊娠8か月のアンケート')
    expect(html).toContain('送信する')
    expect(html).toContain('Send')
    expect(html).toContain('name="q_worries"')
    const sent = await postForm(path, answers())
    expect(sent.status).toBe(200)
    expect(await sent.text()).toContain('ご回答ありがとうございました')
    const [response] = await rows<{
      id: string
      delivery_id: string
      interview_state: string
      answered_on: string
    }>('SELECT id, delivery_id, interview_state, answered_on FROM survey_responses')
    expect(response!.delivery_id).toBe(await programDeliveryId('sub-1'))
    expect(response!.interview_state).toBe('none')
    const stored = await rows<{ question_id: string; value: string }>(
      'SELECT question_id, value FROM survey_answers ORDER BY question_id, position',
    )
    expect(stored).toEqual([
      { question_id: 'comment', value: '助かっています' },
      { question_id: 'feeling', value: '4' },
      { question_id: 'interview', value: 'no' },
      { question_id: 'worries', value: 'body' },
      { question_id: 'worries', value: 'work' },
    ])
    const today = response!.answered_on
    expect(await counts()).toEqual([
      { local_date: today, question_id: 'comment', value: '', count: 1 },
      { local_date: today, question_id: 'feeling', value: '4', count: 1 },
      { local_date: today, question_id: 'interview', value: 'no', count: 1 },
      { local_date: today, question_id: 'worries', value: 'body', count: 1 },
      { local_date: today, question_id: 'worries', value: 'work', count: 1 },
    ])
  })

  it('refuses a form missing required answers or holding foreign values: bilingual errors, what was typed kept, nothing stored', async () => {
    const { path } = await invited()
    const refused = await postForm(path, [
      ['q_worries', 'money'],
      ['q_worries', 'rockets'],
      ['q_comment', 'メモを残します'],
    ])
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain(
      '<span lang="ja">この設問は回答が必要です</span> <span class="en" lang="en">/ Please answer this question</span>',
    )
    expect(html).toContain(
      '<span lang="ja">選択肢の中から選んでください</span> <span class="en" lang="en">/ Choose among the options</span>',
    )
    expect(html).toContain('メモを残します</textarea>')
    expect(html).toMatch(/value="money" checked/)
    expect(html).toContain('aria-invalid="true"')
    const tooLong = await postForm(path, answers([['q_feeling', '9']]).slice(1))
    expect(tooLong.status).toBe(400)
    expect(await tooLong.text()).toContain('1から5までの数を選んでください')
    expect(await rows('SELECT * FROM survey_responses')).toEqual([])
    expect(await rows('SELECT * FROM survey_answers')).toEqual([])
    expect(await counts()).toEqual([])
  })

  it('answering twice is refused kindly and changes nothing; the reminder’s link counts as the same survey', async () => {
    const { path } = await invited()
    expect((await postForm(path, answers())).status).toBe(200)
    const before = await counts()
    const again = await postForm(path, answers([['q_feeling', '1']]).slice(1))
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('すでにお答えいただいています')
    expect(await counts()).toEqual(before)
    expect(await rows('SELECT id FROM survey_responses')).toHaveLength(1)
    expect(await (await getPage(path)).text()).toContain('すでにお答えいただいています')
  })

  it('an unknown or altered token gets the kind 404 page', async () => {
    const { path } = await invited()
    const altered = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A')
    for (const p of [altered, '/q/AAAAAAAAAAAAAAAAAAAAAA', '/q/short']) {
      const answer = await getPage(p)
      expect(answer.status, p).toBe(404)
      expect(await answer.text()).toContain('このリンクは使えません')
      expect((await postForm(p, answers())).status).toBe(404)
    }
    expect(await rows('SELECT * FROM survey_responses')).toEqual([])
  })

  it('a form from another site is refused', async () => {
    const { path } = await invited()
    const forged = await postForm(path, answers()).then(() =>
      env.DB.prepare('DELETE FROM survey_responses').run(),
    )
    expect(forged.success).toBe(true)
    const { exports } = await import('cloudflare:workers')
    const cross = await exports.default.fetch(`${site}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams(answers()),
    })
    expect(cross.status).toBe(403)
    expect(await rows('SELECT * FROM survey_responses')).toEqual([])
  })
})

describe('reminders', () => {
  it('a non-responder gets one reminder line after the survey’s 7 days, and then no more', async () => {
    const { snapshot } = await invited()
    for (const date of ['2026-11-24', '2026-11-29']) {
      await deliverOn(snapshot, date)
      expect(await sentText('sub-1@example.jp', date), date).not.toContain('アンケート')
    }
    await deliverOn(snapshot, '2026-11-30')
    const reminder = await sentText('sub-1@example.jp', '2026-11-30')
    expect(reminder).toContain(
      'アンケート「妊娠8か月のアンケート」へのご回答がまだでしたら、よろしければお答えください。',
    )
    const [path] = surveyPaths(reminder)
    expect((await getPage(path!)).status).toBe(200)
    for (const date of ['2026-12-07', '2026-12-14']) {
      await deliverOn(snapshot, date)
      expect(await sentText('sub-1@example.jp', date), date).not.toContain('アンケート')
    }
    expect(
      await rows(
        'SELECT survey_reminder AS reminder, local_date FROM deliveries WHERE survey_id IS NOT NULL ORDER BY local_date',
      ),
    ).toEqual([
      { reminder: 0, local_date: '2026-11-23' },
      { reminder: 1, local_date: '2026-11-30' },
    ])
  })

  it('a resident who answered is not reminded', async () => {
    const { snapshot, path } = await invited()
    expect((await postForm(path, answers())).status).toBe(200)
    await deliverOn(snapshot, '2026-11-30')
    expect(await sentText('sub-1@example.jp', '2026-11-30')).not.toContain('アンケート')
  })

  it('a first invitation whose delivery failed is not counted: the resident is invited when a message reaches them', async () => {
    const { snapshot } = await invited()
    await env.DB.prepare(`UPDATE deliveries SET state = 'failed-permanent'`).run()
    await deliverOn(snapshot, '2026-11-24')
    expect(await sentText('sub-1@example.jp', '2026-11-24')).toContain(
      'アンケート「妊娠8か月のアンケート」にご協力ください。',
    )
  })
})

describe('an interview request', () => {
  it('reaches the tenant’s desk at once with the contact the resident chose', async () => {
    const { path } = await invited()
    const refused = await postForm(
      path,
      answers([['contact_phone', '090-1234-5678']]).map(([k, v]): [string, string] =>
        k === 'q_interview' ? [k, 'yes'] : [k, v],
      ),
    )
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('面談のご連絡先を選んでください')
    expect(html).toContain('value="090-1234-5678"')
    expect(await rows('SELECT * FROM outbox WHERE recipient = ?1', 'kosodate@sakura.example.jp')).toEqual([])

    const sent = await postForm(path, [
      ['q_feeling', '2'],
      ['q_interview', 'yes'],
      ['contact', 'phone'],
      ['contact_phone', '090-1234-5678'],
      ['contact_note', '平日の午前'],
    ])
    expect(sent.status).toBe(200)
    expect(await sent.text()).toContain('面談のご希望をさくら市 子育て世代包括支援センターにお伝えしました')
    const [mail] = await rows<{ subject: string; text: string; channel: string }>(
      'SELECT subject, text, channel FROM outbox WHERE recipient = ?1',
      'kosodate@sakura.example.jp',
    )
    expect(mail!.channel).toBe('email')
    expect(mail!.subject).toMatch(/^寄り添い 面談の希望（[0-9A-F]{8}）$/)
    expect(mail!.text).toContain('連絡先（電話）: 090-1234-5678')
    expect(mail!.text).toContain('ご希望（時間帯など）: 平日の午前')
    expect(mail!.text).toContain('妊娠8か月のアンケート')
    expect(mail!.text).toContain('はな さん')
    const [response] = await rows<{ interview_state: string; interview_contact: string | null }>(
      'SELECT interview_state, interview_contact FROM survey_responses',
    )
    // The desk has it: the contact is not kept at the edge any longer.
    expect(response).toEqual({ interview_state: 'sent', interview_contact: null })
  })

  it('with the registered address when the resident chose it', async () => {
    const { path } = await invited()
    const form = await (await getPage(path)).text()
    expect(form).toContain('s***@example.jp')
    const sent = await postForm(path, [
      ['q_feeling', '3'],
      ['q_interview', 'yes'],
      ['contact', 'registered'],
    ])
    expect(sent.status).toBe(200)
    const [mail] = await rows<{ text: string }>(
      'SELECT text FROM outbox WHERE recipient = ?1',
      'kosodate@sakura.example.jp',
    )
    expect(mail!.text).toContain('連絡先（登録のメールアドレス）: sub-1@example.jp')
  })
})
