// Português do Brasil (pt-BR): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const ptBR: LanguageContent = {
  language: 'pt-BR',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary:
      'Parabéns pelo nascimento! Coloque o seu descanso em primeiro lugar e pergunte o que quiser às parteiras e enfermeiras enquanto estiver no hospital.',
  },
  closing: {
    primary: [
      'Feliz aniversário de 3 anos ao seu filho ou à sua filha, {{nickname}}!',
      'Obrigado por ler estas mensagens desde a gravidez. Esta é a última mensagem regular de {{tenantName}}.',
      'Sempre que precisar de ajuda com a criação dos filhos, você ainda pode falar com {{deskName}} ({{deskPhone}}, {{deskHours}}).',
    ],
  },
}
