import type { Prefecture } from '../../shared/contract'

/**
 * National lines for someone thinking of dying or of hurting themselves or their child. Data, not
 * logic: each number was checked against public pages (below) on 2026-11-23; check again before
 * each release. A number that could not be confirmed is left out — a wrong number at the worst
 * moment is worse than none. Not confirmed, so not listed: いのちの電話's ナビダイヤル
 * 0570-783-556 and its hours.
 */
export interface Helpline {
  name: { ja: string; en: string }
  /** As dialled; `tel:` links strip the hyphens. */
  phone: string
  /** How Japanese speakers remember the number (#8008 はれれば): Japanese only, beside it. */
  reading?: string
  hours: { ja: string; en: string }
  /** Where to consult in writing (mail, chat), when the line offers it. */
  web?: string
}

/**
 * よりそいホットライン (社会的包摂サポートセンター): 24 hours, free; callers in 岩手・宮城・福島 have
 * their own number. Sources: kotobank.jp 共同通信ニュース用語解説「よりそいホットライン」; hurights.or.jp
 * (2015-01); 厚生労働省「まもろうよ こころ」 as quoted by meikikai-home.com (2021-03).
 */
const yorisoi = (prefecture: Prefecture): Helpline => ({
  name: { ja: 'よりそいホットライン', en: 'Yorisoi Hotline' },
  phone: (['岩手県', '宮城県', '福島県'] as Prefecture[]).includes(prefecture)
    ? '0120-279-226'
    : '0120-279-338',
  hours: { ja: '24時間・無料', en: '24 hours, free' },
})

/**
 * 自殺予防いのちの電話 (日本いのちの電話連盟), free dial. Source: あきる野市「その悩み誰かに相談して
 * いますか?」(2023-03-24): 0120-783-556, 毎日16時〜21時, 毎月10日は8時〜翌8時; tamainochi.com.
 */
const inochi: Helpline = {
  name: { ja: 'いのちの電話', en: 'Inochi no Denwa (lifeline)' },
  phone: '0120-783-556',
  hours: {
    ja: '毎日16時〜21時（毎月10日は8時〜翌朝8時）・無料',
    en: 'daily 16:00–21:00 (on the 10th of each month 8:00 to 8:00 next day), free',
  },
}

/**
 * こころの健康相談統一ダイヤル (厚生労働省): connects to the caller's prefecture's public line; hours
 * differ by prefecture. Sources: 厚生労働省 page quoted by charedo.jp (2017-02) and meikikai-home.com.
 */
const kokoro: Helpline = {
  name: { ja: 'こころの健康相談統一ダイヤル', en: 'Mental health consultation line' },
  phone: '0570-064-556',
  hours: { ja: '受付時間は都道府県により異なります', en: 'hours differ by prefecture' },
}

/**
 * 児童相談所虐待対応ダイヤル「189」: the nearest child guidance centre, 24 hours, free, also for a
 * parent who fears hurting their child. Sources: 日本大百科全書「児童相談所虐待対応ダイヤル」;
 * 群馬県広報 and 五條市 pages on 189.
 */
export const childGuidanceLine: Helpline = {
  name: { ja: '児童相談所虐待対応ダイヤル', en: 'Child guidance centre line' },
  phone: '189',
  hours: { ja: '24時間・無料', en: '24 hours, free' },
}

export function mentalHealthLines(prefecture: Prefecture): Helpline[] {
  return [yorisoi(prefecture), inochi, kokoro]
}

// Violence from a spouse or partner (DV). Both lines as 内閣府 describes them on 政府広報オンライン
// 「DVかもと思ったら」 https://www.gov-online.go.jp/cam/no_dvca/dv03/ (checked 2026-12-07).

/** DV相談ナビ #8008: the nearest 配偶者暴力相談支援センター, in its own hours; not free; not from some IP phones. */
const dvNavi: Helpline = {
  name: { ja: 'DV相談ナビ', en: 'DV Consultation Navi (domestic violence)' },
  phone: '#8008',
  reading: 'はれれば',
  hours: {
    ja: '最寄りの配偶者暴力相談支援センターにつながります。受付時間はセンターごとに異なり、通話料がかかります。一部のIP電話からはつながりません',
    en: 'Connects you to the nearest support centre for spousal violence. Hours differ by centre; call charges apply. Some IP phones cannot connect.',
  },
}

/** DV相談＋ (プラス): free, 24 hours by phone; mail and chat at soudanplus.jp; 11 languages. */
const dvPlus: Helpline = {
  name: { ja: 'DV相談＋（プラス）', en: 'DV Soudan Plus (domestic violence)' },
  phone: '0120-279-889',
  reading: 'つなぐ はやく',
  hours: {
    ja: '電話は24時間・無料。メールやチャットでも相談でき、11の言語で相談できます',
    en: 'By phone 24 hours, free. You can also write by email or chat, in 11 languages.',
  },
  web: 'https://soudanplus.jp',
}

/** The national lines for violence at home: for a resident whose words speak of it. */
export const domesticViolenceLines: readonly Helpline[] = [dvPlus, dvNavi]
