// Bahasa Indonesia: the daily topics, one text per era.

import { type TopicContent, primaryTopic as topic } from '../../language-content'

export const topics: TopicContent[] = [
  topic('feelings', 'Perasaan', [
    'Rasa cemas atau tiba-tiba menangis sebagian disebabkan oleh perubahan tubuh. Saat terasa berat, jangan dipendam sendiri; ceritakan kepada seseorang.',
    'Setelah melahirkan, suasana hati mudah turun. Jika sering menangis atau sulit tidur terus berlanjut, segera minta bantuan.',
    'Menghadapi masa anak sering berkata “tidak” memang melelahkan. Wajar jika ada hari yang tidak berjalan lancar.',
  ]),
  topic('couple', 'Keluarga', [
    'Katakan dengan jelas apa yang Anda perlukan, misalnya “tolong bantu ini, ya”. Permintaan yang jelas lebih mudah dibantu.',
    'Walau hanya 5 menit sehari, luangkan waktu untuk mengobrol dengan keluarga.',
    'Sepakati bersama keluarga cara menanggapi anak yang mengamuk. Anak lebih mudah tenang jika tanggapannya sama.',
  ]),
  topic('food', 'Makanan', [
    'Selama hamil, sebaiknya hindari daging mentah dan keju yang tidak dipasteurisasi.',
    'Jika khawatir soal jumlah ASI atau susu, tanyakan saat pemeriksaan.',
    'Jangan beri kacang-kacangan kepada anak usia 5 tahun ke bawah. Potong kecil tomat ceri dan anggur, dan biarkan anak makan sambil duduk.',
  ]),
  topic('rest', 'Tidur dan istirahat', [
    'Jika lelah, berbaring dan istirahatlah. Tidur yang kurang nyenyak di akhir kehamilan adalah hal yang umum.',
    'Saat bayi tidur, ikutlah tidur sebentar.',
    'Waktu istirahat Anda sendiri juga penting. Bergantianlah menjaga anak dengan keluarga.',
  ]),
  topic('procedures', 'Biaya dan prosedur', [
    'Pemerintah daerah memberikan bantuan dan tunjangan untuk melahirkan dan mengasuh anak. Tanyakan di loket.',
    'Pelaporan kelahiran, asuransi kesehatan, dan tunjangan anak ada batas waktunya. Urus sejak awal.',
    'Pendaftaran tempat penitipan anak dan penitipan sementara ada waktunya. Lihat pemberitahuan terbaru dari {{tenantName}}.',
  ]),
  topic('local', 'Dukungan setempat', [
    '{{tenantName}} memiliki tempat konsultasi yang bisa Anda datangi sejak masa kehamilan.',
    'Ada layanan seperti perawatan pascapersalinan yang membantu Anda beristirahat dan pulih.',
    'Di tempat bermain untuk orang tua dan anak, Anda bisa bertemu keluarga lain.',
  ]),
]
