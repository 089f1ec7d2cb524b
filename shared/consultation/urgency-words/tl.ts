import type { UrgencyWordList } from './list'

/**
 * Tagalog (people mix in English, which en.ts covers). A draft for review by a native speaker and
 * the desk's nurses (see list.ts).
 */
export const tl: UrgencyWordList = {
  spaced: true,
  medical: [
    'dinudugo',
    'nagdurugo',
    'pagdurugo',
    'pumutok ang panubigan',
    'nangingisay',
    'kombulsyon',
    'hindi makahinga',
    'hindi humihinga',
    'nawalan ng malay',
    'hindi gumagalaw ang baby',
    'hindi gumagalaw ang sanggol',
    'mataas na lagnat',
  ],
  selfHarm: [
    'gusto ko nang mamatay',
    'gusto kong mamatay',
    'magpakamatay',
    'nagpapakamatay',
    'patayin ang sarili',
    'saktan ang sarili',
    'sasaktan ko ang sarili',
    'ayoko nang mabuhay',
    'ayaw ko nang mabuhay',
  ],
  childSafety: ['masaktan ko ang baby', 'masaktan ko ang anak', 'saktan ang baby', 'saktan ang anak ko'],
  violence: ['karahasan sa tahanan', 'sinasaktan ako ng asawa', 'binubugbog ako', 'sinaktan ako ng asawa'],
}
