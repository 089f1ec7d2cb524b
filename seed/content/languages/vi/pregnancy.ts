// Tiếng Việt: pregnancy, one row per four weeks (a row holds until the next one).

import type { PregnancyRow } from '../../language-content'

export const pregnancy: PregnancyRow[] = [
  {
    week: 4,
    baby: 'Phôi bám vào niêm mạc tử cung, và các mô sẽ trở thành nhau thai và dây rốn bắt đầu hình thành.',
    body: 'Nhiều người nhận ra khi bị trễ kinh. Có thể thấy buồn ngủ, mệt mỏi hoặc hơi sốt nhẹ.',
    tip: 'Khi que thử thai cho kết quả dương tính, hãy đến khoa sản để xác nhận. Nếu đang dùng thuốc, đừng tự ý ngừng mà hãy hỏi bác sĩ.',
  },
  {
    week: 8,
    baby: 'Em bé dài khoảng 1,5 cm. Nền tảng của các cơ quan chính đang được hình thành.',
    body: 'Có thể bị ốm nghén. Ăn từng chút những gì bạn ăn được, vào lúc bạn ăn được, là đủ.',
    tip: 'Khi nộp thông báo mang thai cho chính quyền địa phương, bạn sẽ nhận Sổ tay sức khỏe mẹ và bé cùng phiếu khám thai, thường kèm một buổi trao đổi.',
  },
  {
    week: 12,
    baby: 'Em bé dài khoảng 6 cm. Hình dạng cơ bản của các cơ quan nội tạng dần hoàn thiện.',
    body: 'Có người bớt ốm nghén, có người vẫn còn. Mỗi người mỗi khác.',
    tip: 'Nếu có điều lo lắng về các xét nghiệm trước sinh, hãy hỏi bác sĩ phụ trách. Ghi trước những điều muốn hỏi sẽ tiện hơn.',
  },
  {
    week: 16,
    baby: 'Xương của em bé cứng cáp dần, tay chân cử động nhiều.',
    body: 'Đây là giai đoạn thường được gọi là “ổn định”, bụng bắt đầu lộ rõ. Dù vậy, đừng làm việc quá sức.',
    tip: 'Hãy xem lịch lớp học tiền sản dành cho cha mẹ và đăng ký trước. Bạn có thể tập tắm và thay tã cho em bé.',
  },
  {
    week: 20,
    baby: 'Em bé nặng khoảng 300 g, tóc và móng bắt đầu mọc.',
    body: 'Tử cung lớn gần đến ngang rốn. Nhiều người bắt đầu cảm nhận được thai máy.',
    tip: 'Vào những ngày khỏe, hãy lập danh sách đồ cần chuẩn bị cho em bé. Sau này sẽ đỡ vất vả hơn.',
  },
  {
    week: 24,
    baby: 'Em bé nặng hơn 600 g, các cấu trúc nhỏ trong phổi bắt đầu hình thành.',
    body: 'Thời gian này thường có xét nghiệm tiểu đường thai kỳ. Chân dễ bị phù, nên tránh giữ một tư thế quá lâu.',
    tip: 'Một số địa phương gửi phiếu hỏi hoặc mời trao đổi vào khoảng tháng thứ 7. Hãy xem kỹ thư được gửi đến.',
  },
  {
    week: 28,
    baby: 'Em bé nặng hơn 1 kg, bắt đầu mở mắt và cảm nhận ánh sáng.',
    body: 'Bạn đã bước vào ba tháng cuối. Lịch khám thai thường chuyển thành 2 tuần một lần.',
    tip: 'Một số địa phương hướng dẫn nộp đơn nhận trợ cấp sinh con và nuôi con vào thời gian này. Hãy kiểm tra hạn nộp.',
  },
  {
    week: 32,
    baby: 'Em bé nặng gần 2 kg, có thêm lớp mỡ dưới da nên trông bụ bẫm hơn.',
    body: 'Bụng hay bị căng cứng. Nếu bụng căng nhiều lần trong một giờ, hãy gọi cho nơi bạn sẽ sinh.',
    tip: 'Hãy nghĩ trước xem sau sinh ai có thể giúp bạn và có những dịch vụ nào. Điều này rất có ích trong buổi trao đổi tháng thứ 8.',
  },
  {
    week: 36,
    baby: 'Đầu của một số em bé bắt đầu xuống gần khung chậu.',
    body: 'Khám thai chuyển thành mỗi tuần một lần. Dạ dày bớt bị chèn ép nhưng có thể đi tiểu nhiều hơn.',
    tip: 'Nếu bị vỡ ối, hãy lót băng vệ sinh và gọi điện cho nơi bạn sẽ sinh. Đừng tắm, hãy chờ hướng dẫn.',
  },
  {
    week: 40,
    baby: 'Đây là tuần có ngày dự sinh. Chỉ một số ít em bé sinh đúng ngày; sinh sớm hay muộn vài ngày là bình thường.',
    body: 'Khi đã qua ngày dự sinh, bác sĩ thường vừa khám vừa theo dõi và chờ đợi.',
    tip: 'Nếu thấy em bé cử động ít hơn thường ngày, đừng ngại, hãy liên hệ ngay với nơi bạn sẽ sinh.',
  },
]
