import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cms, startCms } from './support/cms'
import { lexical, messageData } from './support/content'
import { createWorld, type World } from './support/people'
import { login, rest } from './support/rest'

let cms: Cms
let payload: Payload
let world: World
let editorToken: string
let staffToken: string

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  editorToken = await login(cms.config, world.users.editor.email)
  staffToken = await login(cms.config, world.users.staffA.email)
})
afterAll(() => cms?.stop())

type FieldError = { path: string; message: string }

/** The field errors a REST save returns, as the admin form shows them beside each field. */
async function fieldErrors(
  collection: string,
  body: Record<string, unknown>,
  token: string,
): Promise<FieldError[]> {
  const response = await rest(cms.config, 'POST', `/api/${collection}`, { token, body })
  expect(response.status).toBe(400)
  return (response.body.errors ?? [])
    .flatMap((e) => ((e.data as { errors?: FieldError[] })?.errors ?? []) as FieldError[])
    .map(({ path, message }) => ({ path, message }))
}

const japaneseThenEnglish = /[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Za-z]/

describe('bad input is refused with a field error in Japanese and English', () => {
  it('an unknown slot', async () => {
    const errors = await fieldErrors('messages', messageData('pregnancy/999'), editorToken)
    expect(errors).toEqual([
      {
        path: 'slot',
        message: expect.stringMatching(/プログラムにありません.* \/ Unknown slot "pregnancy\/999"/),
      },
    ])
  })

  it('a malformed slot', async () => {
    const errors = await fieldErrors('messages', messageData('week 28'), editorToken)
    expect(errors[0]).toMatchObject({
      path: 'slot',
      message: expect.stringMatching(/形が正しくありません.* \/ .*malformed/),
    })
  })

  it('an empty body', async () => {
    const errors = await fieldErrors(
      'messages',
      messageData('pregnancy/100', { body: lexical('', '   ') }),
      editorToken,
    )
    expect(errors).toEqual([
      { path: 'body', message: expect.stringMatching(/本文が空です.* \/ The body is empty/) },
    ])
  })

  it('an unfinished kanji reading in the body or the SMS text', async () => {
    const errors = await fieldErrors(
      'messages',
      messageData('pregnancy/100', {
        body: lexical('{妊娠|にんしん}おめでとう。{面談|めんだん の予約を。'),
        shortText: '{面談|}があります',
      }),
      editorToken,
    )
    const unfinished =
      /^ルビは \{漢字\|かんじ\} の形で書いてください.+ \/ Write a reading as \{漢字\|かんじ\}/
    expect(errors).toEqual([
      { path: 'body', message: expect.stringMatching(unfinished) },
      { path: 'shortText', message: expect.stringMatching(unfinished) },
    ])
  })

  it('an SMS text too long for Japanese SMS', async () => {
    const errors = await fieldErrors(
      'messages',
      messageData('pregnancy/101', { shortText: 'あ'.repeat(661) }),
      editorToken,
    )
    expect(errors).toEqual([
      {
        path: 'shortText',
        message: expect.stringMatching(
          /SMS短文が長すぎます: 661文字（上限660文字.* \/ The SMS text is too long: 661 characters/,
        ),
      },
    ])
  })

  it('accepts an SMS text at the cap', async () => {
    const response = await rest(cms.config, 'POST', '/api/messages', {
      token: editorToken,
      body: messageData('pregnancy/102', { shortText: 'あ'.repeat(660) }),
    })
    expect(response.status).toBe(201)
  })

  it('a subject that would reveal a pregnancy in an inbox list', async () => {
    const errors = await fieldErrors(
      'messages',
      messageData('pregnancy/103', { subject: '妊娠28週のあなたへ' }),
      editorToken,
    )
    expect(errors[0]).toMatchObject({ path: 'subject', message: expect.stringMatching(japaneseThenEnglish) })
  })

  it('a window outside the program', async () => {
    const errors = await fieldErrors(
      'local-support',
      {
        title: '講座',
        body: '案内',
        kind: 'event',
        tenant: world.tenantA.id,
        window: { unit: 'pregnancy-month', from: 6, to: 12 },
      },
      staffToken,
    )
    expect(errors).toEqual([
      { path: 'window', message: expect.stringMatching(/プログラムの範囲.*外です \/ .*outside the program/) },
    ])
  })

  it('a window with no end', async () => {
    const errors = await fieldErrors(
      'local-support',
      {
        title: '講座',
        body: '案内',
        kind: 'event',
        tenant: world.tenantA.id,
        window: { unit: 'child-day', from: 0 },
      },
      staffToken,
    )
    expect(errors[0]).toMatchObject({ path: 'window', message: expect.stringMatching(japaneseThenEnglish) })
  })

  it('a malformed URL', async () => {
    const errors = await fieldErrors(
      'local-support',
      {
        title: '講座',
        body: '案内',
        kind: 'event',
        tenant: world.tenantA.id,
        url: 'htps//example',
        window: { unit: 'every' },
      },
      staffToken,
    )
    expect(errors).toEqual([
      { path: 'url', message: expect.stringMatching(/URLの形式が正しくありません.* \/ Malformed URL/) },
    ])
  })

  it('a survey trigger outside the program', async () => {
    const errors = await fieldErrors(
      'surveys',
      {
        title: '体調アンケート',
        tenant: world.tenantA.id,
        questions: [{ label: '体調は', kind: 'scale' }],
        triggers: [{ window: { unit: 'child-month', from: 40, to: 40 } }],
      },
      staffToken,
    )
    expect(errors[0]).toMatchObject({
      path: 'triggers.0.window',
      message: expect.stringMatching(/外です \/ .*outside/),
    })
  })

  it('a second message for the same slot, audience and language', async () => {
    await payload.create({ collection: 'messages', data: messageData('newborn/30') })
    const errors = await fieldErrors('messages', messageData('newborn/30'), editorToken)
    expect(errors[0]).toMatchObject({
      path: 'slot',
      // The day, audience and language in words; the key beside them.
      message: expect.stringMatching(
        /^生後30日・本人（妊娠中の方・主な養育者）・日本語（newborn\/30 primary ja）のメッセージはすでにあります.* \/ .*already exists/,
      ),
    })
  })

  it("a translation in its source's own language, or for another slot", async () => {
    const source = await payload.create({ collection: 'messages', data: messageData('newborn/40') })
    const sameLanguage = await fieldErrors(
      'messages',
      messageData('newborn/40', { audience: 'partner', translationOf: source.id }),
      editorToken,
    )
    expect(sameLanguage).toEqual([
      { path: 'translationOf', message: expect.stringMatching(/別の言語.* \/ .*another language/) },
    ])
    const otherSlot = await fieldErrors(
      'messages',
      messageData('newborn/41', { language: 'en', translationOf: source.id }),
      editorToken,
    )
    expect(otherSlot).toEqual([
      { path: 'translationOf', message: expect.stringMatching(/同じスロット.* \/ Use the source's slot/) },
    ])
  })

  it('a forbidden review step says why, in both languages', async () => {
    const message = await payload.create({
      collection: 'messages',
      data: messageData('newborn/31', { reviewState: 'in-review' }),
    })
    const response = await rest(cms.config, 'PATCH', `/api/messages/${message.id}`, {
      token: editorToken,
      body: { reviewState: 'approved' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/医療監修者だけ.* \/ Only a medical supervisor/)
  })
})
