import type { UrgencyWordList } from './list'

/**
 * Nepali; a phrase ending in * takes the postposition or ending written onto it. A draft for
 * review by a native speaker and the desk's nurses (see list.ts).
 */
export const ne: UrgencyWordList = {
  spaced: true,
  medical: [
    'रक्तस्राव',
    'रगत बगिरहेको',
    'रगत बग्यो',
    'रगत बगेको',
    'पानी फुट्यो',
    'छारे',
    'काम्न थाल्यो',
    'सास फेर्न सकिन',
    'सास फेर्न सक्दिन',
    'सास फेर्न गाह्रो',
    'सास फेरेको छैन',
    'बेहोस',
    'होस छैन',
    'बच्चा चलेको छैन',
    'बच्चा चलेन',
    'तेज ज्वरो',
  ],
  selfHarm: ['मर्न मन', 'मर्न चाहन्छु', 'आत्महत्या', 'आफैलाई चोट', 'आफूलाई चोट', 'बाँच्न मन छैन', 'जीवन अन्त्य'],
  childSafety: ['बच्चालाई चोट', 'बच्चालाई हिर्का*', 'बच्चालाई कुट*'],
  violence: ['घरेलु हिंसा', 'श्रीमानले कुट*', 'श्रीमानले हिर्का*'],
}
