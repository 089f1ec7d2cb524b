import type { Prefecture } from '../../shared/contract'

/**
 * Prefectures where #7119 (救急安心センター事業) answers throughout the prefecture. Data, not logic:
 * checked 2026-11-23 against public pages (one per line below); check again before each release
 * against the 総務省消防庁 list. Where it is missing, 119 and the tenant's desk are shown instead.
 * Partial coverage is left out on purpose — a wrong number at night is worse than none: 北海道
 * (札幌市周辺), 和歌山県 (田辺市・上富田町・日高広域 only; 紀伊民報 2025-04-19), 広島県 (all but
 * 庄原市・大崎上島町; NHK 広島 2024-04-19), 岡山県 (笠岡市・井原市), 沖縄県 (37 of 41 市町村; 琉球新報
 * 2024). Not confirmed by any page found, so left out until someone does: 山形県 (a 2023-07 消防庁
 * list quoted by 女性自身 did not have it), and every prefecture not listed.
 */
export const prefecturesWith7119: ReadonlySet<Prefecture> = new Set<Prefecture>([
  '宮城県', // 消防白書 令和2年版 (fdma.go.jp), 消防庁 2023-07 via 女性自身
  '福島県', // 消防庁 2023-07 list via 女性自身; 相馬市広報 2024-03
  '茨城県', // 消防白書 令和2年版
  '栃木県', // 下野新聞: 県が4月から導入
  '群馬県', // 前橋市「群馬県救急安心センター(#7119)」24時間365日
  '埼玉県', // 消防白書 令和2年版
  '千葉県', // 八千代市: 2023-11-01 から #7009 → #7119 (hours below)
  '東京都', // 消防白書 令和2年版
  '神奈川県', // かながわ救急相談センター, 県内全域 2024-11-01 (タウンニュース 2024-11-22)
  '新潟県', // 消防白書 令和2年版
  '富山県', // 2024-05-07 運用開始 (高岡市, 射水市; hours below)
  '石川県', // いしかわ救急安心センター, 2026-02-01 から県内全域 (羽咋消防署のお知らせ)
  '福井県', // おとなの救急医療電話相談 #7119, 24時間365日 (新聞記事の転載, shimbunstory.com)
  '山梨県', // 救急安心センターやまなし, 県と全27市町村 (山梨県 消防保安課, YBS 2025-12)
  '長野県', // 長野県救急安心センター (長野県, 諏訪市 2024-09; hours below)
  '滋賀県', // 2025-10-01 から県内全域 (kenko.joho24.com 2025-12)
  '京都府', // 消防白書 令和2年版
  '大阪府', // 消防白書 令和2年版
  '兵庫県', // 救急安心センターひょうご, 2025-07-11 から県内全域 (神戸市, ラジオ関西 2025-12)
  '奈良県', // 消防白書 令和2年版
  '鳥取県', // 消防白書 令和2年版
  '山口県', // 消防白書 令和2年版; 美祢市 2024-07
  '徳島県', // 消防白書 令和2年版
  '香川県', // 県の救急電話相談 #7119 (高松市, 岡山放送 2024-10)
  '愛媛県', // えひめ救急電話相談, 県と20市町 2023-07-01 (松山市)
  '高知県', // 2022-08-01 運用開始 (高知県消防政策課 via 703-39.com)
  '福岡県', // 消防白書 令和2年版
  '長崎県', // 県救急安心センター, 県と21市町 8月1日 (長崎新聞 via sasatto.jp)
  '熊本県', // 救急安心センター 令和6年度から24時間 (山鹿市, 八代広域)
])

/** Where #7119 does not answer around the clock: its hours, as residents should read them. */
export const hours7119: Partial<Record<Prefecture, { ja: string; en: string }>> = {
  千葉県: {
    ja: '平日・土曜 18時〜翌8時、日祝 9時〜翌8時',
    en: 'weekdays and Saturdays 18:00–8:00, Sundays and holidays 9:00–8:00',
  },
  富山県: {
    ja: '平日 19時〜翌9時、土曜 13時〜翌9時、日祝 24時間',
    en: 'weekdays 19:00–9:00, Saturdays 13:00–9:00, Sundays and holidays all day',
  },
  長野県: {
    ja: '平日 19時〜翌8時、土日祝 8時〜翌8時',
    en: 'weekdays 19:00–8:00, weekends and holidays 8:00–8:00',
  },
}

export function hasEmergencyConsultationLine(prefecture: Prefecture): boolean {
  return prefecturesWith7119.has(prefecture)
}
