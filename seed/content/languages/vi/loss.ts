// Tiếng Việt: after a reported loss. Gentle, no congratulations, nothing about development.

import type { LossRow } from '../../language-content'

const row = (day: number, primary: string[]): LossRow => ({ day, texts: { primary } })

export const loss: LossRow[] = [
  row(1, [
    '{{nickname}}, chúng tôi vô cùng chia buồn với mất mát của bạn.',
    'Lúc này, xin hãy đặt việc nghỉ ngơi cho cơ thể và tâm trí lên trên hết. Bạn không cần quyết định điều gì, cũng không cần giải thích với ai.',
    'Trong một thời gian, các tin nhắn này sẽ thưa hơn và ngắn gọn. Bạn có thể tạm dừng hoặc dừng bất cứ lúc nào trong phần cài đặt.',
  ]),
  row(3, [
    'Buồn bã, giận dữ, tự trách mình, hay không cảm thấy gì cả: tất cả đều là phản ứng tự nhiên trong lúc này.',
    'Cơ thể cần thời gian để hồi phục. Nếu ra nhiều máu, bị sốt hoặc đau dữ dội, hãy liên hệ ngay với cơ sở y tế.',
  ]),
  row(7, [
    'Đã một tuần trôi qua. Lời nói của người xung quanh, dù có ý tốt, đôi khi vẫn làm bạn đau lòng.',
    'Nếu có ai đó để tâm sự, dù chỉ một chút, hãy chia sẻ. Các điều dưỡng y tế công cộng ở {{deskName}} luôn sẵn lòng lắng nghe.',
  ]),
  row(14, [
    'Cảm xúc đến rồi đi như những con sóng. Có ngày nhẹ nhõm hơn rồi lại có ngày khó khăn, điều đó không sao cả.',
    'Có những nhóm gồm các gia đình đã trải qua điều tương tự, và các đường dây tư vấn chuyên biệt. Hãy hỏi {{deskName}} nếu bạn muốn biết thêm.',
  ]),
  row(30, [
    'Đã một tháng trôi qua. Nếu bạn vẫn không ngủ được hoặc không ăn được, hãy nói với bác sĩ hoặc {{deskName}}.',
    'Nếu có điều gì chưa rõ về sức khỏe hay thủ tục, chúng tôi có thể cùng bạn xem lại. Bạn cũng có thể được sử dụng các hỗ trợ như chăm sóc sau sinh.',
  ]),
  row(60, [
    'Đây là tin nhắn cuối cùng trong đợt này.',
    'Bất cứ khi nào thấy khó khăn hoặc muốn trò chuyện, hãy liên hệ {{deskName}} ({{deskPhone}}, {{deskHours}}). Luôn có người quan tâm đến bạn.',
  ]),
]
