// Português do Brasil: after a reported loss. Gentle, no congratulations, nothing about development.

import type { LossRow } from '../../language-content'

const row = (day: number, primary: string[]): LossRow => ({ day, texts: { primary } })

export const loss: LossRow[] = [
  row(1, [
    '{{nickname}}, sentimos profundamente pela sua perda.',
    'Agora, por favor, coloque o descanso do corpo e da mente acima de tudo. Você não precisa decidir nada nem explicar nada a ninguém.',
    'Por um tempo, estas mensagens virão com menos frequência e serão breves. Você pode pausá-las ou pará-las a qualquer momento nas configurações.',
  ]),
  row(3, [
    'Tristeza, raiva, culpa, ou não sentir nada: tudo isso são reações naturais em um momento como este.',
    'O corpo precisa de tempo para se recuperar. Se houver sangramento forte, febre ou dor intensa, procure um serviço de saúde imediatamente.',
  ]),
  row(7, [
    'Já se passou uma semana. As palavras dos outros, mesmo bem-intencionadas, às vezes machucam.',
    'Se houver alguém com quem você possa conversar, mesmo um pouco, converse. As enfermeiras de saúde pública de {{deskName}} estão sempre dispostas a ouvir.',
  ]),
  row(14, [
    'Os sentimentos vêm em ondas. Um dia mais leve seguido de um mais difícil é normal.',
    'Existem grupos de famílias que passaram pelo mesmo e linhas de apoio especializadas. Pergunte a {{deskName}} se quiser saber mais.',
  ]),
  row(30, [
    'Já se passou um mês. Se você ainda não consegue dormir ou comer, conte ao médico ou a {{deskName}}.',
    'Se algo sobre sua saúde ou sobre os trâmites não estiver claro, podemos ver isso junto com você. Apoios como os cuidados pós-parto podem estar disponíveis.',
  ]),
  row(60, [
    'Esta é a última destas mensagens por enquanto.',
    'Sempre que estiver difícil ou quiser conversar, entre em contato com {{deskName}} ({{deskPhone}}, {{deskHours}}). Há pessoas que se importam com você.',
  ]),
]
