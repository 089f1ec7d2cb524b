// The checked style of やさしい日本語 (ja-x-easy), after the 在留支援のためのやさしい日本語
// ガイドライン (出入国在留管理庁・文化庁, 2020): short sentences with one idea each, kanji a
// beginner reads or a reading beside it, no double negatives. tests/unit/easy-japanese.test.ts
// holds every ja-x-easy text to these limits: the sample content, and the pages' own wording
// (shared/languages/wording/ja-x-easy.json, its {slot}s counted as a placeholder).

/**
 * Kanji that may stand without a reading: the 240 of grades 1 and 2 of the 学年別漢字配当表
 * (小学校学習指導要領, 2017). Every other kanji is written {漢字|かんじ}.
 */
export const kanjiWithoutReading = new Set(
  [
    // grade 1 (80)
    '一右雨円王音下火花貝学気九休玉金空月犬見五口校左三山子四糸字耳七車手十出女小上森人水正生青夕石赤千川先早草足村大男竹中虫町天田土二日入年白八百文木本名目立力林六',
    // grade 2 (160)
    '引羽雲園遠何科夏家歌画回会海絵外角楽活間丸岩顔汽記帰弓牛魚京強教近兄形計元言原戸古午後語工公広交光考行高黄合谷国黒今才細作算止市矢姉思紙寺自時室社弱首秋週春書少場色食心新親図数西声星晴切雪船線前組走多太体台地池知茶昼長鳥朝直通弟店点電刀冬当東答頭同道読内南肉馬売買麦半番父風分聞米歩母方北毎妹万明鳴毛門夜野友用曜来里理話',
  ].join(''),
)

/** Longest sentence, in characters, counted without readings and with a placeholder as 4. */
export const sentenceLimit = 40

/** Characters a `{{placeholder}}` counts for: about one short word. */
export const placeholderLength = 4

/** Double negatives the guideline asks to avoid (〜ないわけではない, 〜なくはない, …). */
export const doubleNegatives = [
  /ないわけではない/,
  /なくはない/,
  /ないことはない/,
  /なくもない/,
  /ないではない/,
]
