/**
 * What one SMS segment costs a town, for the preview's estimate only: a town pays what its contract
 * with the aggregator says, which the preview cannot know. Business SMS in Japan (Karaden and the
 * other aggregators on domestic carrier routes, 国内直収; Twilio to Japanese numbers is priced in the
 * same band) costs about ¥8–18 per message, some from ¥6; every segment of a long text is billed as
 * one message. The estimate takes the middle of the usual band and shows the band beside it.
 */
export const smsPricePerSegment = {
  yen: 12,
  low: 8,
  high: 18,
  source:
    'platform notes (shared/platform-notes.md): SMS prices in Japan, business services about ¥8–18 per message (checked December 2026)',
} as const

/** Yen for sending a text of `segments` segments to `recipients` people, at a price per segment. */
export function smsCost(
  recipients: number,
  segments: number,
  yenPerSegment: number = smsPricePerSegment.yen,
) {
  return recipients * segments * yenPerSegment
}
