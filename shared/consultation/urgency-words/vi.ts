import type { UrgencyWordList } from './list'

/**
 * Vietnamese, also as typed without tones or marks ("toi muon chet"). A draft for review by a
 * native speaker and the desk's nurses (see list.ts).
 */
export const vi: UrgencyWordList = {
  spaced: true,
  unmarked: {
    // Their unmarked forms are everyday Vietnamese too; each has a longer listed form that is not.
    ambiguous: [
      'chảy máu', // chạy mau: run, quick
      'ra máu', // ra màu, ra mẫu: (a dye) runs, a new model
      'vỡ ối', // vợ ơi: "darling" (to a wife)
      'co giật', // có giặt: did wash
      'không thở', // không thờ: do not worship
      'hôn mê', // hơn mẹ: more than mum
      'thai không máy', // thai không may: the pregnancy, unluckily
      'con không đạp', // con không đáp: the child does not answer
      'tự tử', // từ từ: slowly
      'làm hại con', // làm hai con: make two (of them)
    ],
  },
  medical: [
    'chảy máu',
    'bị chảy máu',
    'chảy máu nhiều',
    'ra máu',
    'băng huyết',
    'vỡ ối',
    'bị vỡ ối',
    'vỡ nước ối',
    'co giật',
    'bị co giật',
    'không thở được',
    'khó thở',
    'ngừng thở',
    'không thở',
    'bé không thở',
    'con không thở',
    'bất tỉnh',
    'hôn mê',
    'bị hôn mê',
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
