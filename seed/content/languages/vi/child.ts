// Tiếng Việt: the child's first three years, one row per span of months. Schedules follow
// Japan's routine programme in general terms; the municipality's letter and the doctor decide.

import type { ChildRow } from '../../language-content'

export const child: ChildRow[] = [
  {
    month: 0,
    development: 'Em bé chủ yếu ngủ, khóc và bú. Có những phản xạ bẩm sinh như nắm chặt ngón tay.',
    care: 'Cho bé bú khi bé muốn. Khi ngủ, đặt bé nằm ngửa và không để đồ mềm xung quanh.',
    checkups:
      'Cần nộp giấy khai sinh trong vòng 14 ngày, tính cả ngày sinh. Khoảng 1 tháng tuổi có buổi khám sức khỏe 1 tháng.',
  },
  {
    month: 1,
    development: 'Bé nhìn chăm chú những vật ở gần và phản ứng với âm thanh.',
    care: 'Hãy so màu phân của bé với thẻ màu phân trong Sổ tay sức khỏe mẹ và bé. Nếu phân nhạt màu kéo dài, hãy đưa bé đi khám.',
    checkups: 'Đến thời gian khám 1 tháng. Tiêm chủng bắt đầu từ 2 tháng tuổi, hãy cùng bác sĩ lập kế hoạch.',
  },
  {
    month: 2,
    development: 'Bé cười khi được nựng và phát ra những âm “a”, “u”.',
    care: 'Có thể bắt đầu cho bé ra ngoài dạo một lúc ngắn. Tránh ánh nắng chiếu trực tiếp.',
    checkups:
      'Từ 2 tháng tuổi bắt đầu tiêm chủng định kỳ (vắc-xin 5 trong 1, phế cầu, viêm gan B, rota). Hãy xác nhận thời gian theo thông báo của địa phương và bác sĩ.',
  },
  {
    month: 3,
    development: 'Nhiều bé bắt đầu cứng cổ, hay nhìn chăm chú vào bàn tay mình.',
    care: 'Có bé ngủ đêm dài, có bé không. Ban ngày bạn cũng hãy tranh thủ nghỉ ngơi.',
    checkups:
      'Đến thời gian khám 3–4 tháng, tiêm chủng vẫn tiếp tục. Hãy xem lịch trong thông báo của địa phương.',
  },
  {
    month: 5,
    development: 'Một số bé bắt đầu lật, với tay để nắm đồ chơi.',
    care: 'Hãy cẩn thận để bé không bị ngã từ ghế sofa hay giường.',
    checkups: 'Vắc-xin BCG thường được tiêm khi bé 5–8 tháng tuổi. Cách tổ chức khác nhau tùy địa phương.',
  },
  {
    month: 6,
    development: 'Có bé ngồi được khi có người đỡ và bắt đầu nhận ra người quen.',
    care: 'Có thể bắt đầu cho bé ăn dặm. Không cho bé ăn mật ong trước 1 tuổi.',
    checkups: 'Một số địa phương hoặc cơ sở y tế có khám 6–7 tháng. Mũi viêm gan B thứ 3 cũng sắp đến.',
  },
  {
    month: 9,
    development: 'Có bé bắt đầu vịn đứng, và phát ra nhiều loại âm thanh hơn.',
    care: 'Để thuốc, pin và các vật nhỏ ở nơi cao, ngoài tầm tay của bé.',
    checkups: 'Đến thời gian khám 9–10 tháng. Hãy bắt đầu lên kế hoạch cho các mũi tiêm từ 1 tuổi.',
  },
  {
    month: 12,
    development: 'Có bé tự đứng hoặc bắt đầu đi, có bé bắt đầu nói được từ có nghĩa.',
    care: 'Khi mới tập đi, bé dễ ngã. Hãy chú ý các góc cạnh của đồ đạc.',
    checkups:
      'Từ 1 tuổi là thời gian tiêm sởi – rubella (MR) mũi 1, thủy đậu mũi 1 và các mũi nhắc lại phế cầu, 5 trong 1.',
  },
  {
    month: 15,
    development: 'Bé đi vững hơn và bắt đầu muốn “tự làm”.',
    care: 'Hãy đọc sách tranh cùng bé mỗi ngày. Chỉ một lúc ngắn cũng được.',
    checkups: 'Mũi thủy đậu thứ 2 cách mũi thứ nhất ít nhất 3 tháng. Hãy kiểm tra cả mũi nhắc lại 5 trong 1.',
  },
  {
    month: 18,
    development: 'Vốn từ tăng dần. Tốc độ tăng rất khác nhau ở mỗi bé.',
    care: 'Bé chạy và leo bậc thang. Hãy cho bé vận động ngoài trời.',
    checkups: 'Đến thời gian khám 1 tuổi 6 tháng, thường kèm khám răng.',
  },
  {
    month: 24,
    development: 'Bé 2 tuổi. Vốn từ tăng nhanh, có khi bé hỏi “tại sao?”.',
    care: 'Đây là giai đoạn bé hay nói “không”. Hãy thử nói thành lời cảm xúc của bé.',
    checkups: 'Một số địa phương có khám răng lúc 2 tuổi. Có nha sĩ quen sẽ yên tâm hơn.',
  },
  {
    month: 30,
    development: 'Có bé nói được tên và tuổi của mình.',
    care: 'Khi ra ngoài, hãy nắm tay bé khi đi bộ. Khi đi ô tô, luôn dùng ghế an toàn cho trẻ em.',
    checkups: 'Một số địa phương có khám răng khoảng 2 tuổi 6 tháng. Hãy xem thông báo.',
  },
  {
    month: 33,
    development: 'Bé hỏi “tại sao?” nhiều hơn và quan tâm đến thế giới xung quanh.',
    care: 'Bé tự làm được nhiều việc hơn như mặc quần áo. Đừng giục, hãy kiên nhẫn chờ.',
    checkups: 'Sắp nhận được thông báo khám 3 tuổi. Buổi khám có cả kiểm tra thị lực và thính lực.',
  },
  {
    month: 36,
    development: 'Bé 3 tuổi. Bé dần nói được bằng lời cảm xúc và những điều đã trải qua.',
    care: 'Hãy nói thành lời những gì bé làm được và khen bé.',
    checkups:
      'Đến thời gian khám 3 tuổi và tiêm viêm não Nhật Bản (giai đoạn 1). Hãy xác nhận theo thông báo của địa phương và bác sĩ.',
  },
]
