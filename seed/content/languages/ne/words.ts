// नेपाली (ne), primary only: the fixed wording around each message. Subjects stay neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `${Math.floor(n / 7)} हप्ता ${n % 7} दिन`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? 'जन्मेको दिन' : `${n} दिन`
  const weeks = phase === 'age1' ? n : 2 * n
  const birthday = `बच्चाको ${phase === 'age1' ? 'पहिलो' : 'दोस्रो'} जन्मदिन`
  return weeks === 0 ? birthday : `${birthday}पछि ${weeks} हप्ता`
}

const hello = 'नमस्ते {{nickname}}। '

export const primary: AudienceWords = {
  subject: '{{tenantName}} बाट सन्देश',
  shortText: '[नमुना] {{nickname}} लाई: {{label}}।',
  lossShortText: '[नमुना] {{nickname}}, {{tenantName}} बाट सन्देश।',
  greeting: (label, track) => {
    if (track === 'pregnancy') return `${hello}आज तपाईंको गर्भ ${label}को भयो।`
    if (label === 'जन्मेको दिन') return `${hello}आज तपाईंको बच्चा जन्मेको दिन हो।`
    if (/^\d+ दिन$/.test(label)) return `${hello}आज तपाईंको बच्चा ${label}को भयो।`
    return label.includes('पछि') ? `${hello}आज ${label} भयो।` : `${hello}आज ${label} हो।`
  },
  labels: {
    baby: { heading: 'यस हप्ताको बच्चा', short: 'यस हप्ताको बच्चा' },
    body: { heading: 'तपाईंको शरीर', short: 'तपाईंको शरीर' },
    tip: { heading: 'यस हप्ताको सुझाव', short: 'सुझाव' },
    development: { heading: 'बच्चाको विकास', short: 'बच्चाको विकास' },
    care: { heading: 'दैनिक हेरचाह', short: 'हेरचाह' },
    checkups: { heading: 'स्वास्थ्य जाँच र खोप', short: 'जाँच र खोप' },
  },
}

export const fixed = {
  sampleMarking: '[नमुना] यो नमुना सामग्री हो। यसलाई डाक्टर, मिडवाइफ वा अनुवादकले अझै जाँच गरेका छैनन्।',
  shortMarking: '[नमुना]',
  // Devanagari makes the SMS UCS-2: 70 characters, the page link included.
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading,
  deskLine:
    'केही प्रश्न भए {{deskName}} ({{deskPhone}}, {{deskHours}}) मा सम्पर्क गर्नुहोस्। स्वास्थ्य अचानक बिग्रिएमा आफ्नो डाक्टर वा सधैं जाने अस्पताललाई फोन गर्नुहोस्।',
  consultLink: 'परामर्शको प्रश्न पठाउने पेज खोल्नुहोस्',
  settingsLink: 'सन्देश रोक्नुहोस् वा बन्द गर्नुहोस्',
  closingLabel: 'धन्यवाद',
}
