import type { UrgencyWordList } from './list'

/**
 * Brazilian Portuguese, also as typed without accents ("nao consigo respirar"). A draft for review
 * by a native speaker and the desk's nurses (see list.ts).
 */
export const ptBR: UrgencyWordList = {
  spaced: true,
  // No phrase here means something everyday once its accents are gone.
  unmarked: { ambiguous: [] },
  medical: [
    'sangramento',
    'sangrando',
    'hemorragia',
    'bolsa estourou',
    'bolsa rompeu',
    'convulsão',
    'convulsionando',
    'não consigo respirar',
    'não está respirando',
    'desmaiou',
    'inconsciente',
    'bebê não mexe',
    'bebê não se mexe',
    'bebê parou de mexer',
    'febre alta',
  ],
  selfHarm: [
    'quero morrer',
    'vontade de morrer',
    'me matar',
    'suicídio',
    'suicidar',
    'tirar minha vida',
    'tirar a minha vida',
    'me machucar',
    'não quero mais viver',
  ],
  childSafety: ['machucar o bebê', 'machucar meu filho', 'machucar minha filha', 'sacudir o bebê'],
  violence: ['violência doméstica', 'meu marido me bate', 'meu marido me bateu', 'apanho do meu marido'],
}
