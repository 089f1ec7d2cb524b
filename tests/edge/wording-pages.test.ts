import { env, exports } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { runTick } from '../../edge/delivery/tick'
import { loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import { strings } from '../../shared/compose/strings'
import { prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import type { Task } from '../../shared/contract/task'
import { fillSlots, type Wording, wordIn } from '../../shared/languages/wording'
import { benefitTask } from '../support/task-snapshot'
import { residentWithManageLink } from './support/consultation'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { messagePath, site } from './support/delivered-mail'
import { capturingQueue, emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { japaneseUnmarked } from './support/japanese-unmarked'
import { shardOf } from './support/shards'
import { deliverOn, postForm, sentText, storeSurveySnapshot, surveyPaths } from './support/surveys'

// A Vietnamese-reading resident's pages: in Vietnamese (or its fallback while the catalogue lacks a
// text), the Japanese beneath each fixed text and the message's Japanese folded away. Expectations
// are read through wordIn, so they stay right when the translations land.

const get = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })

const japaneseBody = '<bdi>はな</bdi>さん、今日で妊娠28週0日です。'
const vietnameseBody = 'Chào <bdi lang="ja">はな</bdi>, hôm nay bạn đã mang thai được 28 tuần.'

/**
 * The fixture with a Vietnamese message for pregnancy/196 (primary) and さくら市 offering Vietnamese;
 * `tasks`: さくら市's tasks, when a test needs one.
 */
async function storeWithVietnamese(tasks: Task[] = [], subject = 'Thư hôm nay') {
  const [sakura, ...others] = fixtureTenantParts
  const base = fixtureNationalPart.messages.find((m) => m.id === 'msg-pregnancy-196-primary-ja')!
  const vi = {
    ...base,
    id: 'msg-pregnancy-196-primary-vi',
    language: 'vi' as const,
    subject,
    shortText: 'Thư hôm nay. {{messageUrl}}',
    body: {
      v: 1 as const,
      blocks: [
        {
          t: 'p' as const,
          c: [
            { t: 'text' as const, v: 'Chào ' },
            { t: 'ph' as const, name: 'nickname' as const },
            { t: 'text' as const, v: ', hôm nay bạn đã mang thai được 28 tuần.' },
          ],
        },
      ],
    },
  }
  // Another id for another content, as every publish has: an isolate keeps a snapshot by its id.
  const id = `${tasks.length > 0 ? 'vi-tasks' : 'vi'}${subject === 'Thư hôm nay' ? '' : '-subject'}-0001`
  const snapshot = await prepareSnapshot({
    id,
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [
      { ...fixtureNationalPart, messages: [...fixtureNationalPart.messages, vi] },
      {
        ...sakura!,
        tenant: { ...sakura!.tenant, languages: { offered: ['ja', 'en', 'vi'], fallback: ['ja'] } },
        tasks,
      },
      ...others,
    ],
  })
  await storeSnapshot(env.DB, snapshot, new Date('2026-11-20T00:00:00Z'))
  return (await loadSnapshot(env.DB, id))!
}

/**
 * Delivers 2026-11-23 to a resident reading `language` (さくら市 with `more.tasks`, the resident
 * called `more.nickname`, the Vietnamese message's subject `more.subject`); returns the message
 * page and the manage link.
 */
async function delivered(
  id: string,
  language: string,
  more: { tasks?: Task[]; nickname?: string; subject?: string } = {},
) {
  const snapshot = await storeWithVietnamese(more.tasks, more.subject)
  await insertExpecting(id)
  await (await shardOf('sakura-city'))
    .prepare('UPDATE subscribers SET language = ?1, nickname = coalesce(?3, nickname) WHERE id = ?2')
    .bind(language, id, more.nickname ?? null)
    .run()
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await deliverAll(deps(snapshot, countingAdapter(outbox())), queue.sent)
  const [mail] = await rows<{ text: string }>(
    'SELECT text FROM outbox WHERE recipient = ?1',
    `${id}@example.jp`,
  )
  const manage = mail?.text.match(new RegExp(`${site}(/r/[A-Za-z0-9_-]+)`))?.[1]
  if (!manage) throw new Error(`the mail lacks a manage link:\n${mail?.text}`)
  return { message: await messagePath(id), manage }
}

/** The markup biInline gives a reader of `tag` (catalogue or fallback), up to the Japanese. */
const inlineFor = (ja: string, en: string, tag: string) => {
  const own = wordIn({ ja, en }, tag)
  return `<span lang="${own.lang}">${own.text}</span> <span class="ja" lang="ja">/ ${ja}</span>`
}

beforeEach(emptyDeliveryTables)

describe('the message page of a resident who reads Vietnamese', () => {
  it('is in Vietnamese, the Vietnamese body marked so, the Japanese body behind a toggle', async () => {
    const { message } = await delivered('sub-vi', 'vi')
    const page = await get(message)
    expect(page.status).toBe(200)
    const body = await page.text()
    expect(body).toContain('<html lang="vi"')
    expect(body).toMatch(new RegExp(`<article lang="vi">[\\s\\S]*${vietnameseBody}[\\s\\S]*?</article>`))
    const toggle = body.match(/<details>([\s\S]*?)<\/details>/)?.[1]
    expect(toggle).toBeDefined()
    expect(toggle).toContain(`<summary>${inlineFor('日本語で読む', 'Read in Japanese', 'vi')}</summary>`)
    expect(toggle).toMatch(new RegExp(`<article lang="ja">[\\s\\S]*${japaneseBody}`))
    // The Vietnamese comes first; the Japanese is only inside the toggle.
    expect(body.indexOf(vietnameseBody)).toBeLessThan(body.indexOf('<details>'))
    expect(body.split(japaneseBody)).toHaveLength(2)
    // The town's entry exists only in Japanese: marked so on a Vietnamese page.
    expect(body).toMatch(/<div lang="ja">\s*<h3>妊娠8か月面談のご案内<\/h3>/)
  })

  it('leads the Japanese body’s links through the page’s own redirect', async () => {
    const { message, manage } = await delivered('sub-vi-link', 'vi')
    const body = await (await get(message)).text()
    const toggle = body.match(/<details>([\s\S]*?)<\/details>/)![1]!
    const go = toggle.match(new RegExp(`href="(${message}/go/\\d+)"`))?.[1]
    expect(go).toBeDefined()
    const answer = await get(go!)
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe(`${site}${manage}/consult`)
  })

  it('is in the language the device chose, the message still in the resident’s', async () => {
    const { message } = await delivered('sub-vi-en', 'vi')
    const body = await (await get(`${message}?lang=en`)).text()
    expect(body).toContain('<html lang="en"')
    expect(body).toContain('<article lang="vi">')
    expect(body).toContain('<details>')
  })

  it('marks a kana nickname Japanese inside the Vietnamese body, so nothing Japanese on the page is unmarked', async () => {
    const { message } = await delivered('sub-vi-kana', 'vi', { nickname: 'はな' })
    const body = await (await get(message)).text()
    expect(await japaneseUnmarked(body)).toEqual([])
    // Isolated in both bodies; within the Japanese one it reads as the Japanese around it.
    expect(body).toContain('Chào <bdi lang="ja">はな</bdi>,')
    expect(body).toContain('<bdi>はな</bdi>さん、')
  })
})

describe('the frame lines of a Vietnamese reader’s message page', () => {
  it('give each half its own lang: the Vietnamese marked vi, the Japanese beneath marked ja, nothing Japanese unmarked', async () => {
    // A nickname in the reader's own script: the check is about the frame, not the name they gave.
    const { message } = await delivered('sub-vi-frame', 'vi', { tasks: [benefitTask], nickname: 'Lan' })
    const body = await (await get(message)).text()
    /** A fixed text as the page shows it to a Vietnamese reader: Vietnamese (never a fallback), the Japanese after. */
    const vi = (w: Wording, join: string, own = wordIn(w, 'vi').text) => {
      expect(wordIn(w, 'vi').lang, w.ja).toBe('vi')
      return `<span lang="vi">${own}</span>${join}<span class="ja" lang="ja">${join === ' ' ? '/ ' : ''}${fillSlots(w.ja, w.values)}</span>`
    }
    // The town's name in the script of each half.
    const heading = strings.localHeading({ ja: 'さくら市', en: 'Sakura City' })
    expect(wordIn(heading, 'vi').lang).toBe('vi')
    expect(body).toContain(
      `<h2 id="entries-title"><span lang="vi">${wordIn(heading, 'vi').text.replace('{town}', 'Sakura City')}</span> <span class="ja" lang="ja">/ さくら市からのお知らせ</span></h2>`,
    )
    // The survey line names the town's survey by its Japanese title, marked Japanese in the Vietnamese sentence.
    const title = '8か月ごろの気持ちについて'
    const survey = strings.surveyNamed(title)
    const marked = wordIn(survey, 'vi').text.replace(title, `<span lang="ja">${title}</span>`)
    expect(body).toContain(`<p>${vi(survey, '<br />', marked)}<br /><a href="`)
    expect(body).toContain(`">${vi(strings.surveyLink, ' ')}</a></p>`)
    // The task line: its own Vietnamese sentence, its links in Vietnamese with the Japanese after.
    expect(body).toContain(
      '<p><span lang="vi">Bạn đã đăng ký trợ cấp hỗ trợ thai phụ chưa?</span><br /><a href="',
    )
    expect(body).toContain(
      `">${vi({ ja: '済みましたら、こちらからお知らせください', en: 'Done? Let us know here' }, ' ')}</a>`,
    )
    expect(body).toContain(`">${vi({ ja: '手続きはこちら', en: 'Where to do it' }, ' ')}</a></p>`)
    expect(await japaneseUnmarked(body)).toEqual([])
  })
})

describe('the heading of a Vietnamese reader’s message page', () => {
  it('is the town’s plain title in two halves, each marked, when the subject would reveal a pregnancy', async () => {
    // The nickname fills the subject; a revealing word in it gives way to the town's plain title.
    const { message } = await delivered('sub-vi-plain', 'vi', {
      subject: 'Thư cho {{nickname}}',
      nickname: 'Lan 妊娠',
    })
    const body = await (await get(message)).text()
    const title = strings.defaultSubject({ ja: 'さくら市', en: 'Sakura City' })
    expect(wordIn(title, 'vi').lang).toBe('vi')
    const h1 = `<h1><span lang="vi">${wordIn(title, 'vi').text.replace('{town}', 'Sakura City')}</span> <span class="ja" lang="ja">/ さくら市からのお便り</span></h1>`
    expect(body).toContain(h1)
    expect(await japaneseUnmarked(`<html lang="vi"><body>${h1}</body></html>`)).toEqual([])
  })
})

describe('the message page of a resident who reads Japanese', () => {
  it('has the Japanese body alone, with no toggle', async () => {
    const { message } = await delivered('sub-ja', 'ja')
    const body = await (await get(message)).text()
    expect(body).toContain('<html lang="ja"')
    expect(body).toContain('<article lang="ja">')
    expect(body).toContain(japaneseBody)
    expect(body).not.toContain('<details>')
    expect(body).not.toContain(vietnameseBody)
  })
})

describe('the emergency numbers for a Vietnamese reader', () => {
  it('are headed and described in their language with the Japanese beside, the desk marked Japanese', async () => {
    const { manage } = await delivered('sub-vi-help', 'vi')
    const page = await get(`${manage}/consult?lang=vi`)
    expect(page.status).toBe(200)
    const body = await page.text()
    expect(body).toContain('<html lang="vi"')
    expect(body).toContain(
      `<h2 id="emergency-title">${inlineFor('急いで相談したいとき', 'If you need help now', 'vi')}</h2>`,
    )
    expect(body).toContain(inlineFor('救急車・命にかかわるとき', 'ambulance, when a life is at risk', 'vi'))
    expect(body).toContain('<li lang="ja">さくら市 子育て世代包括支援センター: <a href="tel:03-1234-5678">')
  })
})

/** A form's error as a reader of `tag` sees it: in their language (never a fallback), the Japanese after. */
function errorIn(w: Wording, tag: string): string {
  const own = wordIn(w, tag)
  expect(own.lang, w.ja).toBe(tag)
  return `<span lang="${tag}">${own.text}</span> <span class="ja" lang="ja">/ ${fillSlots(w.ja, w.values)}</span>`
}

/** A resident of さくら市 (offering Vietnamese and Nepali) who reads `tag`, sent the day with a survey. */
async function formsResident(id: string, tag: string) {
  const snapshot = await storeSurveySnapshot(undefined, ['ja', 'en', 'vi', 'ne'])
  const { manage, address } = await residentWithManageLink(id)
  await (await shardOf('sakura-city'))
    .prepare('UPDATE subscribers SET language = ?1 WHERE id = ?2')
    .bind(tag, id)
    .run()
  await deliverOn(snapshot, '2026-11-23')
  const [survey] = surveyPaths(await sentText(address, '2026-11-23'))
  if (!survey) throw new Error('the day’s message lacks the survey link')
  return { manage, survey }
}

const post = (path: string, fields: Record<string, string>) => postForm(path, Object.entries(fields))

describe.each(['vi', 'ne'])('the forms of a resident who reads %s', (tag) => {
  it('refuse a consultation in their language, the Japanese beside each problem, keeping what was typed; a sent one’s helplines in it too', async () => {
    const { manage } = await formsResident(`forms-consult-${tag}`, tag)
    const typed = 'Tôi mất ngủ & lo lắng <nhiều>'
    const refused = await post(`${manage}/consult`, {
      text: typed,
      contact: 'phone',
      phone: '12',
      hours: 'sau 9 giờ tối',
    })
    expect(refused.status).toBe(422)
    const page = await refused.text()
    expect(page).toContain(`<html lang="${tag}"`)
    const category = errorIn({ ja: '相談の種類を選んでください', en: 'Choose what it is about' }, tag)
    const phone = errorIn(
      {
        ja: '電話番号を確かめてください（例: 090-1234-5678）',
        en: 'Please check the phone number (e.g. 090-1234-5678)',
      },
      tag,
    )
    expect(page).toContain(`<p class="error" id="category-error">${category}</p>`)
    expect(page).toContain(`<p class="error" id="phone-error">${phone}</p>`)
    expect(page).toContain(`<li>${category}</li>`)
    // Everything typed is still there, escaped.
    expect(page).toContain('Tôi mất ngủ &amp; lo lắng &lt;nhiều&gt;</textarea>')
    expect(page).toContain('value="12"')
    expect(page).toContain('value="sau 9 giờ tối"')
    expect(page).toMatch(/id="contact-phone" name="contact" value="phone" checked/)
    // No text on the page falls back to English: the categories and ways to answer are theirs too.
    expect(page).not.toContain('lang="en"')
    expect(page).toContain(wordIn({ ja: '体のこと', en: 'My body and health' }, tag).text)
    // The town's desk is its Japanese data, marked so, in a sentence of theirs too: no Japanese
    // on the form, refused or fresh, is left unmarked.
    expect(page).toMatch(/<li lang="ja">さくら市 子育て世代包括支援センター<\/li>/)
    expect(page).toContain('<span lang="ja">さくら市 子育て世代包括支援センター</span>')
    expect(await japaneseUnmarked(page)).toEqual([])
    expect(await japaneseUnmarked(await (await get(`${manage}/consult`)).text())).toEqual([])

    const long = 'a'.repeat(2001)
    const tooLong = await (
      await post(`${manage}/consult`, { category: 'body', text: long, contact: 'none' })
    ).text()
    const limit = {
      ja: '{max}文字以内にしてください（いま書いた文章は残っています）',
      en: 'Please keep it within {max} characters (what you wrote is kept)',
      values: { max: 2000 },
    }
    expect(tooLong).toContain(`<p class="error" id="text-error">${errorIn(limit, tag)}</p>`)
    expect(errorIn(limit, tag)).toContain('2000')
    expect(tooLong).toContain(`${long}</textarea>`)
    expect(tooLong).toMatch(/id="category-body" name="category" value="body" checked/)

    // Sent: words of despair bring the helplines, headed and named in their language.
    const sent = await post(`${manage}/consult`, {
      category: 'feelings',
      text: 'Tôi mệt quá. 消えたい',
      contact: 'none',
    })
    expect(sent.status).toBe(303)
    const received = await (await get(new URL(sent.headers.get('location')!, site).pathname)).text()
    expect(received).toContain(`<html lang="${tag}"`)
    expect(await japaneseUnmarked(received)).toEqual([])
    for (const [ja, en] of [
      ['いま、話を聞いてもらえるところ', 'People you can talk to now'],
      ['よりそいホットライン', 'Yorisoi Hotline'],
      ['24時間・無料', '24 hours, free'],
    ] as const) {
      expect(wordIn({ ja, en }, tag).lang, ja).toBe(tag)
      expect(received).toContain(inlineFor(ja, en, tag))
    }
  })

  it('refuse a survey answer in their language, the Japanese beside each problem, and keep what was chosen', async () => {
    const { survey } = await formsResident(`forms-survey-${tag}`, tag)
    const comment = 'Cảm ơn & '.repeat(25)
    const refused = await postForm(survey, [
      ['q_worries', 'body'],
      ['q_worries', 'work'],
      ['q_interview', 'yes'],
      ['q_comment', comment],
      ['contact', 'phone'],
      ['contact_phone', 'abc'],
      ['contact_note', 'buổi sáng'],
    ])
    expect(refused.status).toBe(400)
    const page = await refused.text()
    expect(page).toContain(`<html lang="${tag}"`)
    const required = errorIn({ ja: 'この設問は回答が必要です', en: 'Please answer this question' }, tag)
    const tooLong = errorIn(
      {
        ja: '{max}文字以内で書いてください',
        en: 'Please write at most {max} characters',
        values: { max: 200 },
      },
      tag,
    )
    const phone = errorIn(
      {
        ja: '電話番号を数字とハイフンで入力してください（例: 090-1234-5678）',
        en: 'Enter a phone number in digits and hyphens (e.g. 090-1234-5678)',
      },
      tag,
    )
    expect(page).toContain(`<p class="error" id="q_feeling-error">${required}</p>`)
    expect(page).toContain(`<p class="error" id="q_comment-error">${tooLong}</p>`)
    expect(page).toContain(`<p class="error" id="contact_phone-error">${phone}</p>`)
    // The survey is the town's, in Japanese, and marked so.
    expect(page).toContain('<span lang="ja">この1週間の気分は？</span>')
    // Everything chosen and typed is still there.
    expect(page).toMatch(/name="q_worries" id="q_worries-0" value="body" checked/)
    expect(page).toMatch(/name="q_worries" id="q_worries-2" value="work" checked/)
    expect(page).toMatch(/name="q_interview" id="q_interview-0" value="yes" checked/)
    expect(page).toContain(`${comment.trim().replaceAll('&', '&amp;')}`)
    expect(page).toContain('value="abc"')
    expect(page).toContain('buổi sáng</textarea>')
    expect(page).not.toContain('lang="en"')
    expect(await japaneseUnmarked(page)).toEqual([])
    expect(await japaneseUnmarked(await (await get(survey)).text())).toEqual([])
  })
})

describe('the check for unmarked Japanese', () => {
  it('finds Japanese outside an element marked Japanese, and nothing inside one', async () => {
    const page =
      '<html lang="vi"><head><title>相談</title></head><body><p>Xin chào はな <span lang="ja">さくら市</span><br />受付</p><p lang="ja-x-easy">そうだん</p></body></html>'
    expect(await japaneseUnmarked(page)).toEqual(['vi: Xin chào はな', 'vi: 受付'])
  })
})
