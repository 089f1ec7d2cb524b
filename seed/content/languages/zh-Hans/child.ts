// 简体中文: the child's first three years, one row per span of months. Schedules follow Japan's
// routine programme in general terms; the municipality's letter and the child's doctor decide.

import type { ChildRow } from '../../language-content'

export const child: ChildRow[] = [
  {
    month: 0,
    development: '每天睡觉、哭、吃奶循环往复。会出现抓握手指等与生俱来的反射。',
    care: '宝宝想吃时就喂。睡觉时让宝宝仰卧，周围不要放柔软的物品。',
    checkups: '出生申报须在包括出生当天在内的14天内提交。出生后约1个月时有1个月体检。',
  },
  {
    month: 1,
    development: '会盯着近处的东西看，对声音有反应。',
    care: '把宝宝大便的颜色与《母子健康手册》中的便色卡对照。如果持续偏白，请就医。',
    checkups: '1个月体检的时期。疫苗接种从出生后2个月开始，请与医生一起制定计划。',
  },
  {
    month: 2,
    development: '逗宝宝时会笑，会发出“啊”“呜”的声音。',
    care: '可以开始短时间的户外散步，避免阳光直射。',
    checkups:
      '从出生后2个月起开始定期接种（五联疫苗、小儿肺炎球菌、乙肝、轮状病毒）。具体时间请以市町村通知和医生意见为准。',
  },
  {
    month: 3,
    development: '越来越多的宝宝开始能抬头，会盯着自己的手看。',
    care: '有的宝宝晚上睡得长，有的不是。白天也请您找时间休息。',
    checkups: '3～4个月体检的时期，疫苗接种也在继续。日程请查看市町村的通知。',
  },
  {
    month: 5,
    development: '有的宝宝开始翻身，会伸手去抓玩具。',
    care: '注意不要让宝宝从沙发或床上摔下来。',
    checkups: '卡介苗（BCG）通常在出生后5～8个月接种，接种方式因市町村而异。',
  },
  {
    month: 6,
    development: '有支撑时能坐起来，开始认人。',
    care: '可以开始添加辅食。1岁以前不要给宝宝吃蜂蜜。',
    checkups: '有的市町村或医疗机构会做6～7个月体检。乙肝疫苗第3剂的时间也快到了。',
  },
  {
    month: 9,
    development: '有的宝宝会扶着东西站起来，发出的声音种类增多。',
    care: '药品、电池和小物件要放在宝宝够不到的高处。',
    checkups: '9～10个月体检的时期。也可以开始计划1岁以后的疫苗接种。',
  },
  {
    month: 12,
    development: '有的孩子能独自站立或开始走路，有的开始说出有意义的词。',
    care: '刚学走路时容易摔倒，请注意家具的边角。',
    checkups: '满1岁后，是麻疹风疹（MR）第1期、水痘第1剂以及小儿肺炎球菌和五联疫苗加强针的接种时期。',
  },
  {
    month: 15,
    development: '走得越来越稳，“自己来”的意愿开始出现。',
    care: '每天和孩子一起读绘本，时间短也没关系。',
    checkups: '水痘第2剂在第1剂后间隔3个月以上接种。也请确认五联疫苗的加强针。',
  },
  {
    month: 18,
    development: '词汇逐渐增加，增加的速度因人而异。',
    care: '孩子会跑、会爬台阶了，多带孩子到户外活动身体。',
    checkups: '1岁6个月体检的时期，通常同时进行牙科检查。',
  },
  {
    month: 24,
    development: '2岁了。词汇量迅速增加，有时会问“为什么？”',
    care: '这是常说“不要”的时期。试着把孩子的心情用语言替他说出来。',
    checkups: '有的市町村会做2岁牙科检查。有固定的牙医会更安心。',
  },
  {
    month: 30,
    development: '有的孩子能说出自己的名字和年龄。',
    care: '外出时牵着孩子的手走路。坐车时一定要使用儿童安全座椅。',
    checkups: '有的市町村会在2岁6个月左右做牙科检查，请留意通知。',
  },
  {
    month: 33,
    development: '“为什么？”越来越多，对周围世界的兴趣不断扩大。',
    care: '穿衣等自己能做的事越来越多。不要催促，耐心等待。',
    checkups: '快要收到3岁体检的通知了。体检中还有视力和听力检查。',
  },
  {
    month: 36,
    development: '3岁了。渐渐能用语言说出自己的心情和经历。',
    care: '把孩子做到的事说出来，好好表扬。',
    checkups: '3岁体检和日本脑炎疫苗（第1期）的时期。请以市町村通知和医生意见为准。',
  },
]
