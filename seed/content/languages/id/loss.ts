// Bahasa Indonesia: after a reported loss. Gentle, no congratulations, nothing about development.

import type { LossRow } from '../../language-content'

const row = (day: number, primary: string[]): LossRow => ({ day, texts: { primary } })

export const loss: LossRow[] = [
  row(1, [
    '{{nickname}}, kami turut berduka sedalam-dalamnya atas kehilangan Anda.',
    'Untuk saat ini, utamakan istirahat bagi tubuh dan pikiran Anda. Anda tidak perlu memutuskan apa pun atau menjelaskan apa pun kepada siapa pun.',
    'Untuk sementara, pesan ini akan lebih jarang dan singkat. Anda bisa menjeda atau menghentikannya kapan saja di pengaturan.',
  ]),
  row(3, [
    'Sedih, marah, menyalahkan diri sendiri, atau tidak merasakan apa-apa: semuanya adalah reaksi yang wajar di saat seperti ini.',
    'Tubuh perlu waktu untuk pulih. Jika perdarahan banyak, demam, atau nyeri hebat, segera hubungi fasilitas kesehatan.',
  ]),
  row(7, [
    'Sudah satu minggu berlalu. Kata-kata orang lain, meski bermaksud baik, kadang bisa menyakitkan.',
    'Jika ada orang yang bisa diajak bicara, walau sedikit, ceritakanlah. Perawat kesehatan masyarakat di {{deskName}} selalu siap mendengarkan.',
  ]),
  row(14, [
    'Perasaan datang seperti gelombang. Hari yang lebih ringan lalu disusul hari yang berat, itu tidak apa-apa.',
    'Ada kelompok keluarga yang pernah mengalami hal yang sama dan layanan konsultasi khusus. Tanyakan kepada {{deskName}} jika ingin tahu lebih lanjut.',
  ]),
  row(30, [
    'Sudah satu bulan berlalu. Jika Anda masih sulit tidur atau makan, beri tahu dokter atau {{deskName}}.',
    'Jika ada yang belum jelas tentang kesehatan atau prosedur, kami bisa memeriksanya bersama Anda. Dukungan seperti perawatan pascapersalinan mungkin tersedia.',
  ]),
  row(60, [
    'Ini adalah pesan terakhir untuk saat ini.',
    'Kapan pun terasa berat atau ingin bercerita, hubungi {{deskName}} ({{deskPhone}}, {{deskHours}}). Ada orang-orang yang peduli kepada Anda.',
  ]),
]
