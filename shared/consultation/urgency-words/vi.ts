import type { UrgencyWordList } from './list'

/** Vietnamese. A draft for review by a native speaker and the desk's nurses (see list.ts). */
export const vi: UrgencyWordList = {
  spaced: true,
  medical: [
    'chảy máu',
    'ra máu',
    'băng huyết',
    'vỡ ối',
    'co giật',
    'không thở được',
    'khó thở',
    'ngừng thở',
    'không thở',
    'bất tỉnh',
    'hôn mê',
    'thai không máy',
    'thai không đạp',
    'con không đạp',
    'không thấy thai máy',
    'sốt cao',
  ],
  selfHarm: [
    'muốn chết',
    'tự tử',
    'tự sát',
    'không muốn sống',
    'tự làm hại',
    'làm hại bản thân',
    'kết thúc cuộc đời',
    'kết liễu',
  ],
  childSafety: ['làm hại con', 'làm hại em bé', 'làm đau con', 'làm đau em bé', 'lắc em bé', 'bóp cổ con'],
  violence: ['bạo lực gia đình', 'chồng đánh tôi', 'bị chồng đánh', 'chồng đánh em'],
}
