// 简体中文: the daily topics, one text per era.

import type { TopicContent } from '../../language-content'

const topic = (
  key: TopicContent['key'],
  label: string,
  pregnancy: string,
  baby: string,
  toddler: string,
) => ({
  key,
  label: { primary: label },
  texts: { pregnancy: { primary: [pregnancy] }, baby: { primary: [baby] }, toddler: { primary: [toddler] } },
})

export const topics: TopicContent[] = [
  topic(
    'feelings',
    '心情',
    '情绪起伏、突然流泪，部分原因是身体的变化。难受的时候不要一个人扛着，找人说说吧。',
    '产后容易情绪低落。如果持续流泪或失眠，请尽早咨询。',
    '应对孩子“什么都说不要”的时期真的很辛苦。有不顺利的日子很正常。',
  ),
  topic(
    'couple',
    '您和家人',
    '需要什么帮助，请具体说出来，比如“能帮我做这个吗”。',
    '哪怕每天只有5分钟，也留些时间和家人聊聊。',
    '事先和家人商量好如何应对孩子发脾气，孩子也更容易平静下来。',
  ),
  topic(
    'food',
    '饮食',
    '怀孕期间，生肉和未经加热杀菌的奶酪等最好避免。',
    '如果担心宝宝的奶量，请在体检时咨询。',
    '5岁以下的孩子不要给坚果和豆类。小番茄和葡萄要切小，让孩子坐着吃。',
  ),
  topic(
    'rest',
    '睡眠与休息',
    '累了就躺下休息。孕晚期睡眠变浅也很常见。',
    '宝宝睡觉时，您也一起睡一会儿。',
    '您自己的休息时间也很重要。可以和家人轮流照看孩子。',
  ),
  topic(
    'procedures',
    '费用与手续',
    '生育和育儿有市町村的补助和津贴，可以到窗口咨询。',
    '出生申报、健康保险、儿童津贴等都有期限，请尽早办理。',
    '保育园和临时托管的申请有固定时间，请查看{{tenantName}}的最新通知。',
  ),
  topic(
    'local',
    '当地支援',
    '{{tenantName}}设有从怀孕期间就可以咨询的窗口。',
    '有产后护理等帮助您休养身体的服务。',
    '在育儿广场可以认识其他家庭，孩子也能和小朋友一起玩。',
  ),
]
