import type { UrgencyWordList } from './list'

/**
 * Brazilian Portuguese, with the unaccented forms phones often give. A draft for review by a
 * native speaker and the desk's nurses (see list.ts).
 */
export const ptBR: UrgencyWordList = {
  spaced: true,
  medical: [
    'sangramento',
    'sangrando',
    'hemorragia',
    'bolsa estourou',
    'bolsa rompeu',
    'convulsão',
    'convulsao',
    'convulsionando',
    'não consigo respirar',
    'nao consigo respirar',
    'não está respirando',
    'nao esta respirando',
    'desmaiou',
    'inconsciente',
    'bebê não mexe',
    'bebe nao mexe',
    'bebê não se mexe',
    'bebê parou de mexer',
    'bebe parou de mexer',
    'febre alta',
  ],
  selfHarm: [
    'quero morrer',
    'vontade de morrer',
    'me matar',
    'suicídio',
    'suicidio',
    'suicidar',
    'tirar minha vida',
    'tirar a minha vida',
    'me machucar',
    'não quero mais viver',
    'nao quero mais viver',
  ],
  childSafety: [
    'machucar o bebê',
    'machucar o bebe',
    'machucar meu filho',
    'machucar minha filha',
    'sacudir o bebê',
  ],
  violence: [
    'violência doméstica',
    'violencia domestica',
    'meu marido me bate',
    'meu marido me bateu',
    'apanho do meu marido',
  ],
}
