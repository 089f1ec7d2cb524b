import type { UrgencyWordList } from './list'

/** Indonesian. A draft for review by a native speaker and the desk's nurses (see list.ts). */
export const id: UrgencyWordList = {
  spaced: true,
  medical: [
    'pendarahan',
    'perdarahan',
    'berdarah',
    'ketuban pecah',
    'kejang',
    'sesak napas',
    'sesak nafas',
    'tidak bisa bernapas',
    'tidak bisa bernafas',
    'tidak bernapas',
    'pingsan',
    'tidak sadarkan diri',
    'bayi tidak bergerak',
    'janin tidak bergerak',
    'gerakan janin berkurang',
    'demam tinggi',
  ],
  selfHarm: [
    'ingin mati',
    'pengen mati',
    'mau mati',
    'bunuh diri',
    'mengakhiri hidup',
    'menyakiti diri',
    'melukai diri',
    'tidak ingin hidup lagi',
    'tidak mau hidup lagi',
  ],
  childSafety: ['menyakiti bayi', 'menyakiti anak', 'memukul bayi', 'mengguncang bayi'],
  violence: ['kekerasan dalam rumah tangga', 'kdrt', 'suami memukul saya', 'dipukul suami'],
}
