// Tagalog (tl), primary only: the fixed wording around each message. Subjects stay neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `${Math.floor(n / 7)} linggo at ${n % 7} araw`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? 'araw ng kapanganakan' : `${n} araw`
  const weeks = phase === 'age1' ? n : 2 * n
  const birthday = `${phase === 'age1' ? 'unang' : 'ikalawang'} kaarawan ng inyong anak`
  return weeks === 0 ? birthday : `${weeks} linggo mula sa ${birthday}`
}

const hello = 'Kumusta, {{nickname}}. '

export const primary: AudienceWords = {
  subject: 'Mensahe mula sa {{tenantName}}',
  shortText: '[Halimbawa] Para kay {{nickname}}: {{label}}.',
  lossShortText: '[Halimbawa] {{nickname}}, mula sa {{tenantName}}.',
  greeting: (label, track) => {
    if (track === 'pregnancy') return `${hello}Ngayon ay ${label} na ang inyong pagbubuntis.`
    if (label === 'araw ng kapanganakan') return `${hello}Ngayon ang araw ng kapanganakan ng inyong sanggol.`
    if (/^\d+ araw$/.test(label)) return `${hello}Ngayon ay ${label} na ang inyong sanggol.`
    return label.includes('mula sa') ? `${hello}Ngayon ay ${label}.` : `${hello}Ngayon ang ${label}.`
  },
  labels: {
    baby: { heading: 'Ang sanggol ngayong linggo', short: 'ang sanggol' },
    body: { heading: 'Ang inyong katawan', short: 'inyong katawan' },
    tip: { heading: 'Payo ngayong linggo', short: 'payo' },
    development: { heading: 'Paglaki ng bata', short: 'paglaki' },
    care: { heading: 'Araw-araw na pag-aalaga', short: 'pag-aalaga' },
    checkups: { heading: 'Check-up at bakuna', short: 'check-up, bakuna' },
  },
}

export const fixed = {
  sampleMarking:
    '[Halimbawa] Ito ay halimbawang nilalaman na hindi pa sinusuri ng doktor, komadrona, o tagasalin.',
  shortMarking: '[Halimbawa]',
  // Held to one UCS-2 segment with the link, since a nickname may be written in any script.
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading.toLowerCase(),
  deskLine:
    'May tanong? Makipag-ugnayan sa {{deskName}} ({{deskPhone}}, {{deskHours}}). Kung biglang nagbago ang kalusugan, tawagan ang inyong doktor o ospital.',
  consultLink: 'Buksan ang form para sa konsultasyon',
  settingsLink: 'I-pause o itigil ang mga mensahe',
  closingLabel: 'pasasalamat',
}
