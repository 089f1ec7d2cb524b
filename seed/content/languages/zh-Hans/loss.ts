// 简体中文: after a reported loss. Gentle, no congratulations, nothing about development.

import type { LossRow } from '../../language-content'

const row = (day: number, primary: string[]): LossRow => ({ day, texts: { primary } })

export const loss: LossRow[] = [
  row(1, [
    '{{nickname}}，对于您遭遇的不幸，我们深感痛惜。',
    '现在请把身心的休息放在第一位。不必做任何决定，也不必向任何人解释。',
    '今后一段时间，这些消息会减少频率并尽量简短。您随时可以在设置中暂停或停止。',
  ]),
  row(3, [
    '悲伤、愤怒、自责，或者什么都感觉不到，这些都是此时自然的反应。',
    '身体恢复需要时间。如果出血多、发烧或剧烈疼痛，请立即联系医疗机构。',
  ]),
  row(7, [
    '已经过去一周了。周围人的话，即使出于好意，有时也会让人受伤。',
    '如果有可以倾诉的人，哪怕只说一点点也好。{{deskName}}的保健师随时愿意倾听。',
  ]),
  row(14, [
    '心情会起起伏伏。好一点的日子之后又难过起来，也没关系。',
    '有经历过同样事情的家庭组成的互助会，也有专门的咨询热线。想了解的话，请询问{{deskName}}。',
  ]),
  row(30, [
    '已经过去一个月了。如果仍然睡不着、吃不下，请告诉医生或{{deskName}}。',
    '关于身体或手续，如有不清楚的地方，我们可以和您一起确认。也可能可以利用产后护理等支援。',
  ]),
  row(60, [
    '这些消息暂时到此为止。',
    '今后无论何时感到难过或想找人聊聊，请随时联系{{deskName}}（{{deskPhone}}，{{deskHours}}）。有人一直在关心着您。',
  ]),
]
