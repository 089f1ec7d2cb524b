// Bahasa Indonesia: the child's first three years, one row per span of months. Schedules follow
// Japan's routine programme in general terms; the municipality's letter and the doctor decide.

import type { ChildRow } from '../../language-content'

export const child: ChildRow[] = [
  {
    month: 0,
    development: 'Bayi banyak tidur, menangis, dan menyusu. Ada refleks bawaan, seperti menggenggam jari.',
    care: 'Susui saat bayi mau. Tidurkan bayi telentang, tanpa benda empuk di sekitarnya.',
    checkups:
      'Laporkan kelahiran dalam 14 hari, termasuk hari lahir. Sekitar usia 1 bulan ada pemeriksaan 1 bulan.',
  },
  {
    month: 1,
    development: 'Bayi menatap benda di dekatnya dan bereaksi terhadap suara.',
    care: 'Bandingkan warna tinja bayi dengan kartu warna di Buku Kesehatan Ibu dan Anak. Jika terus pucat, bawa ke dokter.',
    checkups:
      'Saatnya pemeriksaan 1 bulan. Rencanakan bersama dokter imunisasi yang dimulai pada usia 2 bulan.',
  },
  {
    month: 2,
    development: 'Bayi tersenyum saat diajak bermain dan mengeluarkan suara seperti “aa” dan “uu”.',
    care: 'Boleh mulai jalan-jalan singkat di luar. Hindari sinar matahari langsung.',
    checkups:
      'Mulai usia 2 bulan ada imunisasi rutin (vaksin 5-in-1, pneumokokus, hepatitis B, rotavirus). Pastikan jadwalnya lewat pemberitahuan daerah dan dokter.',
  },
  {
    month: 3,
    development: 'Banyak bayi mulai bisa menegakkan leher dan suka menatap tangannya sendiri.',
    care: 'Ada bayi yang tidur lama di malam hari, ada yang tidak. Sempatkan istirahat di siang hari.',
    checkups:
      'Saatnya pemeriksaan 3–4 bulan, dan imunisasi berlanjut. Lihat jadwalnya di pemberitahuan daerah.',
  },
  {
    month: 5,
    development: 'Sebagian bayi mulai tengkurap dan meraih mainan.',
    care: 'Hati-hati agar bayi tidak jatuh dari sofa atau tempat tidur.',
    checkups: 'Vaksin BCG biasanya diberikan pada usia 5–8 bulan. Caranya berbeda-beda di tiap daerah.',
  },
  {
    month: 6,
    development: 'Sebagian bayi bisa duduk dengan ditopang dan mulai mengenali wajah.',
    care: 'Saatnya mulai makanan pendamping ASI. Jangan beri madu sebelum usia 1 tahun.',
    checkups:
      'Beberapa daerah atau klinik mengadakan pemeriksaan 6–7 bulan. Dosis ketiga hepatitis B juga sudah dekat.',
  },
  {
    month: 9,
    development: 'Sebagian bayi mulai berdiri sambil berpegangan, dan suaranya makin beragam.',
    care: 'Simpan obat, baterai, dan benda kecil di tempat tinggi yang tidak terjangkau bayi.',
    checkups: 'Saatnya pemeriksaan 9–10 bulan. Rencanakan juga imunisasi mulai usia 1 tahun.',
  },
  {
    month: 12,
    development:
      'Ada anak yang mulai berdiri sendiri atau berjalan, ada yang mulai mengucapkan kata yang bermakna.',
    care: 'Saat baru belajar berjalan, anak mudah jatuh. Perhatikan sudut-sudut perabot.',
    checkups:
      'Mulai usia 1 tahun: campak-rubela (MR) dosis 1, cacar air dosis 1, serta dosis penguat pneumokokus dan 5-in-1.',
  },
  {
    month: 15,
    development: 'Anak berjalan makin mantap dan mulai ingin “melakukan sendiri”.',
    care: 'Bacalah buku bergambar bersama setiap hari. Sebentar saja sudah cukup.',
    checkups:
      'Dosis kedua cacar air diberikan minimal 3 bulan setelah dosis pertama. Periksa juga dosis penguat 5-in-1.',
  },
  {
    month: 18,
    development: 'Kosakata bertambah sedikit demi sedikit. Kecepatannya sangat berbeda pada tiap anak.',
    care: 'Anak berlari dan memanjat tangga. Ajak anak bergerak dan bermain di luar.',
    checkups: 'Saatnya pemeriksaan 1 tahun 6 bulan, sering bersama pemeriksaan gigi.',
  },
  {
    month: 24,
    development: 'Usia 2 tahun. Kosakata bertambah cepat, dan kadang anak bertanya “kenapa?”.',
    care: 'Ini masa anak sering berkata “tidak”. Coba ungkapkan perasaan anak dengan kata-kata.',
    checkups:
      'Beberapa daerah mengadakan pemeriksaan gigi usia 2 tahun. Punya dokter gigi langganan membuat lebih tenang.',
  },
  {
    month: 30,
    development: 'Ada anak yang sudah bisa menyebut nama dan usianya.',
    care: 'Di luar rumah, gandeng tangan anak saat berjalan. Di mobil, selalu gunakan kursi pengaman anak.',
    checkups:
      'Beberapa daerah mengadakan pemeriksaan gigi sekitar usia 2 tahun 6 bulan. Perhatikan pemberitahuannya.',
  },
  {
    month: 33,
    development: 'Pertanyaan “kenapa?” makin banyak, dan minat pada dunia sekitar makin luas.',
    care: 'Anak makin banyak melakukan sendiri, seperti berpakaian. Jangan terburu-buru, tunggu dengan sabar.',
    checkups:
      'Pemberitahuan pemeriksaan 3 tahun akan segera datang. Ada juga tes penglihatan dan pendengaran.',
  },
  {
    month: 36,
    development: 'Usia 3 tahun. Anak mulai bisa menceritakan perasaan dan pengalamannya dengan kata-kata.',
    care: 'Pujilah dengan kata-kata hal yang berhasil dilakukan anak.',
    checkups:
      'Saatnya pemeriksaan 3 tahun dan imunisasi ensefalitis Jepang (tahap 1). Pastikan lewat pemberitahuan daerah dan dokter.',
  },
]
