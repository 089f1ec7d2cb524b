// Bahasa Indonesia (id): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const id: LanguageContent = {
  language: 'id',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary:
      'Selamat atas kelahiran bayi Anda! Utamakan istirahat Anda, dan tanyakan apa saja kepada bidan dan perawat selama di rumah sakit.',
  },
  closing: {
    primary: [
      'Selamat ulang tahun ketiga untuk anak Anda, {{nickname}}!',
      'Terima kasih telah membaca pesan-pesan ini sejak masa kehamilan. Ini adalah pesan rutin terakhir dari {{tenantName}}.',
      'Kapan pun Anda butuh bantuan dalam mengasuh anak, Anda tetap bisa menghubungi {{deskName}} ({{deskPhone}}, {{deskHours}}).',
    ],
  },
}
