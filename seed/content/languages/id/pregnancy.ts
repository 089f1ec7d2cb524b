// Bahasa Indonesia: pregnancy, one row per four weeks (a row holds until the next one).

import type { PregnancyRow } from '../../language-content'

export const pregnancy: PregnancyRow[] = [
  {
    week: 4,
    baby: 'Sel telur yang telah dibuahi menempel di dinding rahim, dan jaringan yang akan menjadi plasenta serta tali pusar mulai terbentuk.',
    body: 'Banyak orang menyadarinya karena terlambat haid. Rasa kantuk, lelah, atau seperti demam ringan sering muncul.',
    tip: 'Jika tes kehamilan positif, periksakan diri ke dokter kandungan. Jangan menghentikan obat yang sedang diminum tanpa bertanya kepada dokter.',
  },
  {
    week: 8,
    baby: 'Panjang janin sekitar 1,5 cm. Dasar dari organ-organ utama sedang terbentuk.',
    body: 'Mual bisa mulai muncul. Makan sedikit-sedikit apa yang bisa dimakan, kapan pun bisa, sudah cukup.',
    tip: 'Setelah menyerahkan laporan kehamilan ke kantor pemerintah setempat, Anda akan menerima Buku Kesehatan Ibu dan Anak serta kupon pemeriksaan kehamilan, biasanya disertai wawancara.',
  },
  {
    week: 12,
    baby: 'Panjang janin sekitar 6 cm. Bentuk dasar organ dalam mulai lengkap.',
    body: 'Ada yang mualnya mulai berkurang, ada juga yang masih berlanjut. Setiap orang berbeda.',
    tip: 'Jika ada pertanyaan tentang pemeriksaan pranatal, tanyakan kepada dokter Anda. Mencatat pertanyaan lebih dulu akan membantu.',
  },
  {
    week: 16,
    baby: 'Tulang janin makin kuat, dan tangan serta kakinya sering bergerak.',
    body: 'Ini masa yang sering disebut “stabil”, dan perut mulai terlihat. Meski begitu, jangan memaksakan diri.',
    tip: 'Cek jadwal kelas persiapan orang tua dan daftarlah. Anda bisa berlatih memandikan bayi dan mengganti popok.',
  },
  {
    week: 20,
    baby: 'Berat janin sekitar 300 g. Rambut dan kuku mulai tumbuh.',
    body: 'Rahim membesar hampir setinggi pusar, dan makin banyak yang mulai merasakan gerakan janin.',
    tip: 'Saat badan terasa sehat, buatlah daftar barang yang perlu disiapkan untuk bayi. Nanti akan lebih mudah.',
  },
  {
    week: 24,
    baby: 'Berat janin lebih dari 600 g, dan struktur halus di paru-paru mulai terbentuk.',
    body: 'Pada masa ini biasanya dilakukan tes diabetes kehamilan. Kaki mudah bengkak, jadi hindari berada dalam satu posisi terlalu lama.',
    tip: 'Beberapa daerah mengirim kuesioner atau undangan wawancara sekitar bulan ke-7. Perhatikan surat yang datang.',
  },
  {
    week: 28,
    baby: 'Berat janin lebih dari 1 kg, dan ia mulai bisa membuka mata serta merasakan cahaya.',
    body: 'Anda memasuki trimester ketiga. Pemeriksaan kehamilan biasanya menjadi dua minggu sekali.',
    tip: 'Beberapa daerah memberi panduan tentang bantuan biaya melahirkan dan mengasuh anak pada masa ini. Periksa batas waktunya.',
  },
  {
    week: 32,
    baby: 'Berat janin hampir 2 kg, dan lemak di bawah kulit membuatnya tampak lebih berisi.',
    body: 'Perut sering terasa kencang. Jika kencang berkali-kali dalam satu jam, hubungi tempat Anda akan melahirkan.',
    tip: 'Pikirkan siapa yang bisa membantu setelah melahirkan dan layanan apa saja yang ada. Ini berguna untuk wawancara bulan ke-8.',
  },
  {
    week: 36,
    baby: 'Pada sebagian bayi, kepala mulai turun ke arah panggul.',
    body: 'Pemeriksaan menjadi seminggu sekali. Tekanan pada lambung berkurang, tetapi Anda mungkin lebih sering buang air kecil.',
    tip: 'Jika ketuban pecah, pakai pembalut dan telepon tempat Anda akan melahirkan. Jangan mandi, tunggu petunjuk.',
  },
  {
    week: 40,
    baby: 'Ini minggu hari perkiraan lahir. Hanya sedikit bayi yang lahir tepat pada tanggalnya; lahir beberapa hari lebih cepat atau lambat itu biasa.',
    body: 'Setelah lewat hari perkiraan lahir, dokter biasanya memantau sambil menunggu.',
    tip: 'Jika gerakan bayi terasa lebih sedikit dari biasanya, jangan ragu untuk segera menghubungi tempat Anda akan melahirkan.',
  },
]
