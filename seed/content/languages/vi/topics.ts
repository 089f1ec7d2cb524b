// Tiếng Việt: the daily topics, one text per era.

import { type TopicContent, primaryTopic as topic } from '../../language-content'

export const topics: TopicContent[] = [
  topic('feelings', 'Cảm xúc', [
    'Lo lắng hay bỗng dưng rơi nước mắt một phần là do cơ thể thay đổi. Khi thấy khó khăn, đừng giữ một mình, hãy chia sẻ với ai đó.',
    'Sau sinh, tâm trạng dễ đi xuống. Nếu cứ rơi nước mắt hoặc mất ngủ kéo dài, hãy tìm sự giúp đỡ sớm.',
    'Đối phó với giai đoạn bé hay nói “không” thật sự vất vả. Có những ngày không suôn sẻ là chuyện bình thường.',
  ]),
  topic('couple', 'Bạn và gia đình', [
    'Hãy nói rõ điều bạn cần, ví dụ “nhờ làm giúp việc này nhé”. Nói cụ thể thì người khác dễ giúp hơn.',
    'Dù chỉ 5 phút mỗi ngày, hãy dành thời gian trò chuyện với người thân.',
    'Hãy thống nhất trước với người thân cách phản ứng khi bé ăn vạ. Bé sẽ dễ bình tĩnh lại hơn.',
  ]),
  topic('food', 'Ăn uống', [
    'Khi mang thai, nên tránh thịt sống và phô mai chưa tiệt trùng.',
    'Nếu lo về lượng sữa bé bú, hãy hỏi trong buổi khám sức khỏe.',
    'Không cho trẻ dưới 5 tuổi ăn các loại hạt và đậu. Cắt nhỏ cà chua bi và nho, và cho bé ngồi khi ăn.',
  ]),
  topic('rest', 'Giấc ngủ và nghỉ ngơi', [
    'Khi mệt, hãy nằm nghỉ. Cuối thai kỳ ngủ không sâu giấc cũng là chuyện thường gặp.',
    'Khi bé ngủ, bạn cũng hãy ngủ một chút.',
    'Thời gian nghỉ ngơi của chính bạn cũng quan trọng. Hãy thay phiên trông bé với người thân.',
  ]),
  topic('procedures', 'Chi phí và thủ tục', [
    'Địa phương có các khoản hỗ trợ và trợ cấp cho việc sinh và nuôi con. Hãy hỏi tại quầy tiếp nhận.',
    'Khai sinh, bảo hiểm y tế và trợ cấp nuôi con đều có thời hạn. Hãy làm thủ tục sớm.',
    'Việc đăng ký nhà trẻ và giữ trẻ tạm thời có thời gian cố định. Hãy xem thông báo mới nhất của {{tenantName}}.',
  ]),
  topic('local', 'Hỗ trợ tại địa phương', [
    '{{tenantName}} có nơi để bạn hỏi ý kiến ngay từ khi mang thai.',
    'Có những dịch vụ như chăm sóc sau sinh giúp bạn nghỉ ngơi và hồi phục.',
    'Ở các điểm sinh hoạt dành cho cha mẹ và trẻ nhỏ, bạn có thể gặp gỡ các gia đình khác.',
  ]),
]
