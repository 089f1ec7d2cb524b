/**
 * What one SMS segment costs a town, for the preview's estimate only: a town pays what its contract
 * says (Karaden on domestic carrier routes, 国内直収, or Twilio to Japanese numbers), which the
 * preview cannot know. Business SMS in Japan costs about ¥8–18 per message, some from ¥6, and every
 * segment of a long text is billed as one message. The estimate takes the middle of that band and
 * shows the band beside it.
 */
export const smsPricePerSegment = {
  yen: 12,
  low: 8,
  high: 18,
  source:
    'shared/platform-notes.md「SMS prices in Japan」: 法人向けSMS送信は1通あたり約8〜18円 / business services about ¥8–18 per message (checked December 2026)',
} as const

/** Yen for sending a text of `segments` segments to `recipients` people, at a price per segment. */
export function smsCost(
  recipients: number,
  segments: number,
  yenPerSegment: number = smsPricePerSegment.yen,
) {
  return recipients * segments * yenPerSegment
}
