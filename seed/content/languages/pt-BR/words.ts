// Português do Brasil (pt-BR), primary only: the fixed wording around each message. Subjects stay
// neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

const days = (n: number) => `${n} ${n === 1 ? 'dia' : 'dias'}`

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `${Math.floor(n / 7)} semanas e ${days(n % 7)}`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? 'dia do nascimento' : `${days(n)} de vida`
  const weeks = phase === 'age1' ? n : 2 * n
  const birthday = `${phase === 'age1' ? 'primeiro' : 'segundo'} aniversário da criança`
  return weeks === 0 ? `o ${birthday}` : `faz ${weeks} semanas do ${birthday}`
}

const hello = 'Olá, {{nickname}}. '

export const primary: AudienceWords = {
  subject: 'Mensagem de {{tenantName}}',
  shortText: '[Amostra] Para {{nickname}}: {{label}}.',
  lossShortText: '[Amostra] {{nickname}}, mensagem de {{tenantName}}.',
  greeting: (label, track) => {
    if (track === 'pregnancy') return `${hello}Hoje você está com ${label} de gravidez.`
    if (label === 'dia do nascimento') return `${hello}Hoje é o dia em que seu bebê nasceu.`
    if (label.endsWith('de vida')) return `${hello}Hoje seu bebê completa ${label}.`
    return label.startsWith('faz') ? `${hello}Hoje ${label}.` : `${hello}Hoje é ${label}.`
  },
  labels: {
    baby: { heading: 'Seu bebê nesta semana', short: 'seu bebê nesta semana' },
    body: { heading: 'Seu corpo', short: 'seu corpo' },
    tip: { heading: 'Dica da semana', short: 'dica da semana' },
    development: { heading: 'Desenvolvimento', short: 'desenvolvimento' },
    care: { heading: 'Cuidados do dia a dia', short: 'cuidados' },
    checkups: { heading: 'Consultas e vacinas', short: 'consultas e vacinas' },
  },
}

export const fixed = {
  sampleMarking: '[Amostra] Este texto é um exemplo e não foi revisado por médico, parteira ou tradutor.',
  shortMarking: '[Amostra]',
  // Accented letters and a Japanese nickname can make the SMS UCS-2: held to one such segment.
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading.toLowerCase(),
  deskLine:
    'Dúvidas? Fale com {{deskName}} ({{deskPhone}}, {{deskHours}}). Em caso de mudança repentina na saúde, ligue para o seu médico ou hospital.',
  consultLink: 'Abrir o formulário de consulta',
  settingsLink: 'Pausar ou parar estas mensagens',
  closingLabel: 'agradecimento',
}
