// Bahasa Indonesia (id), primary only: the fixed wording around each message. Subjects stay neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `${Math.floor(n / 7)} minggu ${n % 7} hari`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? 'hari lahir' : `${n} hari`
  const weeks = phase === 'age1' ? n : 2 * n
  const birthday = `ulang tahun ${phase === 'age1' ? 'pertama' : 'kedua'} anak Anda`
  return weeks === 0 ? birthday : `${weeks} minggu setelah ${birthday}`
}

const hello = 'Halo {{nickname}}. '

export const primary: AudienceWords = {
  subject: 'Pesan dari {{tenantName}}',
  shortText: '[Contoh] Untuk {{nickname}}: {{label}}.',
  lossShortText: '[Contoh] {{nickname}}, pesan dari {{tenantName}}.',
  greeting: (label, track) => {
    if (track === 'pregnancy') return `${hello}Hari ini usia kehamilan Anda ${label}.`
    if (label === 'hari lahir') return `${hello}Hari ini adalah hari kelahiran bayi Anda.`
    return label.startsWith('ulang') || label.includes('setelah')
      ? `${hello}Hari ini ${label}.`
      : `${hello}Hari ini bayi Anda berusia ${label}.`
  },
  labels: {
    baby: { heading: 'Bayi Anda minggu ini', short: 'bayi minggu ini' },
    body: { heading: 'Tubuh Anda', short: 'tubuh Anda' },
    tip: { heading: 'Tips minggu ini', short: 'tips minggu ini' },
    development: { heading: 'Perkembangan', short: 'perkembangan' },
    care: { heading: 'Perawatan sehari-hari', short: 'perawatan' },
    checkups: { heading: 'Pemeriksaan dan imunisasi', short: 'periksa & imunisasi' },
  },
}

export const fixed = {
  sampleMarking: '[Contoh] Teks ini adalah contoh dan belum diperiksa oleh dokter, bidan, atau penerjemah.',
  shortMarking: '[Contoh]',
  // Held to one UCS-2 segment with the link, since a nickname may be written in any script.
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading[0]!.toLowerCase() + heading.slice(1),
  deskLine:
    'Ada pertanyaan? Hubungi {{deskName}} ({{deskPhone}}, {{deskHours}}). Jika kondisi kesehatan berubah tiba-tiba, hubungi dokter atau rumah sakit langganan Anda.',
  consultLink: 'Buka formulir konsultasi',
  settingsLink: 'Jeda atau hentikan pesan ini',
  closingLabel: 'terima kasih',
}
