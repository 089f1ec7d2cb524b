// The daily topic rotation: on the days that are not about the week's or month's table row,
// a message takes one of these topics. Each topic has a few variants per era so that repeats
// are weeks apart. `partner` is the Japanese text for the partner audience.

export type Era = 'pregnancy' | 'baby' | 'toddler'
export type TopicKey = 'feelings' | 'couple' | 'food' | 'rest' | 'procedures' | 'local'

export interface TopicText {
  ja: string
  en: string
  partner: string
}

export interface Topic {
  key: TopicKey
  label: { ja: string; en: string; partner: string }
  texts: Record<Era, TopicText[]>
}

export const topics: Topic[] = [
  {
    key: 'feelings',
    label: { ja: '気持ちのこと', en: 'Feelings', partner: '気持ちのこと' },
    texts: {
      pregnancy: [
        {
          ja: '不安になったり、急に涙が出たりするのは、体の変化によるものでもあります。つらいときは一人で抱えずに話してください。',
          en: 'Worry or sudden tears are partly caused by changes in your body. When it is hard, do not carry it alone; talk to someone.',
          partner:
            '妊娠中は気持ちが揺れやすくなります。励ますより先に「そうなんだね」と受け止めることが支えになります。',
        },
        {
          ja: 'うれしい気持ちと不安な気持ちが同時にあっても自然なことです。どちらの気持ちも大切にしてください。',
          en: 'Feeling joy and worry at the same time is natural. Both feelings deserve room.',
          partner:
            'あなた自身にも不安があって当然です。その気持ちも、信頼できる人や窓口に話してみてください。',
        },
        {
          ja: '眠れない、何も楽しめない日が2週間以上続くときは、健診や相談窓口で伝えてください。支えになる方法があります。',
          en: 'If you cannot sleep or enjoy anything for two weeks or more, mention it at a checkup or to the desk. Help is available.',
          partner: '元気がない、眠れない様子が続くときは、一緒に健診で相談しようと声をかけてください。',
        },
      ],
      baby: [
        {
          ja: '産後は気分が落ち込みやすい時期です。涙が出る、眠れない日が続くときは、早めに相談してください。',
          en: 'Low moods are common after a birth. If tears or sleeplessness continue, ask for help early.',
          partner:
            '産後の落ち込みは誰にでも起こりえます。「休んでいいよ」と言って、実際に休める時間をつくってください。',
        },
        {
          ja: 'かわいいと思えない日があっても、あなたが悪いわけではありません。疲れのサインかもしれません。',
          en: 'Days when you cannot feel the love do not make you a bad parent; they may be a sign of exhaustion.',
          partner:
            '育児の大変さは、やってみて初めてわかることが多いです。一人で担当する時間をつくってみましょう。',
        },
      ],
      toddler: [
        {
          ja: 'イヤイヤにつき合うのは本当に大変です。うまくいかない日があって当たり前です。',
          en: 'Coping with the “no!” phase is truly hard. Days that do not go well are normal.',
          partner: 'イヤイヤの対応で疲れているときは、交代を申し出てください。短い休憩でも違います。',
        },
        {
          ja: '他の子と比べて気になることがあれば、健診や相談窓口で気軽に聞いてみてください。',
          en: 'If comparisons with other children worry you, ask at a checkup or the desk.',
          partner: '気になることがあるときは、二人で話し合ってから相談窓口を使ってみましょう。',
        },
      ],
    },
  },
  {
    key: 'couple',
    label: { ja: 'ふたりのこと', en: 'You and your family', partner: 'ふたりのこと' },
    texts: {
      pregnancy: [
        {
          ja: 'してほしいことは、言葉にして伝えると届きやすくなります。「これをお願い」と具体的に。',
          en: 'Saying what you need, specifically, makes it easier for others to help: “could you do this?”',
          partner:
            '「何かできることある?」より「今日は夕食を作るね」と具体的に申し出るほうが助けになります。',
        },
        {
          ja: '出産や子育てについて、パートナーや家族と考えを話し合う時間をつくりましょう。',
          en: 'Make time to talk with your partner or family about the birth and raising your child.',
          partner: '出産の立ち会いや産後の休みについて、あなたの希望と事情を話し合っておきましょう。',
        },
        {
          ja: '頼れる人は家族だけではありません。友人、地域の人、窓口の保健師もあなたの味方です。',
          en: 'Support is not only family: friends, neighbours and the public health nurses are on your side too.',
          partner: 'あなたも一人で抱え込まないでください。職場や友人、地域の父親向け講座も頼れます。',
        },
      ],
      baby: [
        {
          ja: '夜中の授乳やお世話を交代制にできないか、家族で話し合ってみましょう。',
          en: 'Talk with your family about taking turns with night feeds and care.',
          partner: '夜のお世話を交代制にして、パートナーがまとまって眠れる時間をつくりましょう。',
        },
        {
          ja: '疲れているときは、家事の手を抜いて大丈夫です。優先するのは休むことです。',
          en: 'When you are tired, let the housework slide; rest comes first.',
          partner: '家事は「手伝う」ではなく「担う」。気づいたことから引き受けましょう。',
        },
      ],
      toddler: [
        {
          ja: '子育ての方針が違うときは、子どもの前ではなく、落ち着いたときに話し合いましょう。',
          en: 'When you disagree about parenting, talk it over calmly, away from the child.',
          partner: 'しつけの考え方は、二人でそろえておくと子どもも迷いません。時間をとって話しましょう。',
        },
        {
          ja: 'ときには家族に子どもを任せて、自分のための時間をつくりましょう。',
          en: 'Now and then, leave the child with family and take time for yourself.',
          partner: '週に一度でも、あなたが子どもと過ごす「担当の時間」を決めてみましょう。',
        },
      ],
    },
  },
  {
    key: 'food',
    label: { ja: 'ごはんのこと', en: 'Food', partner: 'ごはんのこと' },
    texts: {
      pregnancy: [
        {
          ja: '生肉、加熱していないハムや生ハム、ナチュラルチーズなどは、食中毒を防ぐために控えましょう。',
          en: 'Avoid raw meat, uncooked ham and unpasteurised cheese to prevent food poisoning.',
          partner: '食事を用意するときは、肉はよく火を通し、生ハムやナチュラルチーズは避けましょう。',
        },
        {
          ja: '一部の大型の魚は水銀が多いため、食べる量に目安があります。迷ったら健診で相談を。',
          en: 'Some large fish contain more mercury, so there are guidelines on how much to eat; ask at a checkup.',
          partner: '魚は体によい食品ですが、種類によって量の目安があります。一緒に確認しておきましょう。',
        },
        {
          ja: '塩分は控えめに。だしや香りを活かすと、薄味でもおいしく食べられます。',
          en: 'Go easy on salt; stock and herbs keep lightly seasoned food tasty.',
          partner: '家族の食事を薄味にすると、みんなの健康のためにもなります。料理を担当してみましょう。',
        },
      ],
      baby: [
        {
          ja: '授乳中は水分をこまめにとりましょう。食事を作れない日は、市販品や宅配に頼って大丈夫です。',
          en: 'Drink often while breastfeeding. On days you cannot cook, ready meals or delivery are fine.',
          partner: '授乳中のパートナーのために、飲み物を手の届く所に置き、食事を用意しましょう。',
        },
        {
          ja: '離乳食は赤ちゃんのペースで。はちみつは1歳を過ぎるまで与えないでください。',
          en: 'Follow the baby’s pace with solids. Do not give honey before the first birthday.',
          partner: '離乳食づくりは、まとめて作って冷凍するなど、あなたが担当できることがあります。',
        },
      ],
      toddler: [
        {
          ja: 'ナッツ類や丸いミニトマトなど、喉に詰まりやすい食べ物は小さく切って与えましょう。',
          en: 'Cut foods that can choke, such as whole nuts or round cherry tomatoes, into small pieces.',
          partner: '食べ物による窒息を防ぐため、丸い食べ物は4等分するなど、切り方を家族でそろえましょう。',
        },
        {
          ja: '家族で同じ食卓を囲むことが、食べる楽しさにつながります。',
          en: 'Eating together at the same table makes meals enjoyable for the child.',
          partner: 'できる日は一緒に食卓を囲み、「おいしいね」と声をかけてみましょう。',
        },
      ],
    },
  },
  {
    key: 'rest',
    label: { ja: '眠りと休息', en: 'Sleep and rest', partner: '眠りと休息' },
    texts: {
      pregnancy: [
        {
          ja: '横になれるときは横になりましょう。眠れない夜は、昼間に短く休むだけでも違います。',
          en: 'Lie down when you can. After a poor night, even a short daytime rest helps.',
          partner: '休日は、パートナーが昼寝できるように家のことを引き受けましょう。',
        },
        {
          ja: '通勤の混雑がつらいときは、マタニティマークを使ったり、時差出勤を相談したりしましょう。',
          en: 'If crowded commutes are hard, wear a maternity badge or ask about staggered hours.',
          partner: '人混みや長い外出のときは、休める場所を先に調べておきましょう。',
        },
        {
          ja: '寝る前のスマートフォンは控えめに。ぬるめのお風呂で体を温めると眠りやすくなります。',
          en: 'Limit your phone before bed; a lukewarm bath can help you sleep.',
          partner: '夜は家の中を静かにして、パートナーが眠りやすい環境を整えましょう。',
        },
      ],
      baby: [
        {
          ja: '赤ちゃんが寝ているときは、できるだけ一緒に休みましょう。',
          en: 'Rest when the baby sleeps whenever you can.',
          partner: '赤ちゃんが寝ている間にパートナーも休めるよう、家事は後回しでいいと伝えましょう。',
        },
        {
          ja: '泣きやまない時は、安全な場所に寝かせて少し離れ、深呼吸しても大丈夫です。赤ちゃんを揺さぶらないでください。',
          en: 'If crying will not stop, lay the baby down somewhere safe and step away to breathe. Never shake a baby.',
          partner:
            '泣きやまなくてイライラしたら、安全な場所に寝かせて一度離れましょう。絶対に揺さぶらないでください。',
        },
      ],
      toddler: [
        {
          ja: '早寝早起きのリズムは、朝の光と日中の外遊びから。夜の寝かしつけが楽になることがあります。',
          en: 'Morning light and outdoor play during the day help build an early-to-bed rhythm.',
          partner: '朝の散歩や外遊びを担当して、生活リズムづくりに協力しましょう。',
        },
        {
          ja: '大人の睡眠も大切です。寝不足が続くときは家族と交代で休みましょう。',
          en: 'Adults need sleep too; when you are short of it, take turns with your family.',
          partner: '寝かしつけを交代で担当し、パートナーが早く休める日をつくりましょう。',
        },
      ],
    },
  },
  {
    key: 'procedures',
    label: { ja: 'お金と手続き', en: 'Money and paperwork', partner: 'お金と手続き' },
    texts: {
      pregnancy: [
        {
          ja: '妊婦健診の費用は、自治体の受診券で多くが補助されます。使い方は母子健康手帳と一緒に確認を。',
          en: 'Municipal vouchers cover much of the cost of prenatal checkups; check how to use them.',
          partner: '健診の受診券や領収書の保管場所を、二人で決めておきましょう。',
        },
        {
          ja: '出産育児一時金や、妊婦のための支援給付など、受けられる支援を自治体のページで確認しましょう。',
          en: 'Check your municipality’s pages for the childbirth lump-sum allowance and support benefits for pregnant residents.',
          partner: '出産にかかる費用と受けられる給付を、一緒に一覧にしておきましょう。',
        },
        {
          ja: '働いている人は、出産手当金や育児休業給付金の条件と手続きを勤務先に確認しましょう。',
          en: 'If you work, ask your employer about maternity and childcare leave benefits and how to claim them.',
          partner: 'あなたの育児休業給付金や社会保険料の扱いも、勤務先に確認しておきましょう。',
        },
      ],
      baby: [
        {
          ja: '出生後は、出生届、健康保険への加入、児童手当、医療費助成の手続きがあります。期限を確認しましょう。',
          en: 'After the birth: birth registration, health insurance, child allowance and medical-cost support all have deadlines.',
          partner:
            '出生後の手続きは、窓口に行くことの多いあなたが引き受けやすいものです。リストにして進めましょう。',
        },
        {
          ja: '子どもの医療費の助成には受給者証が必要なことがあります。受診のときは保険証と一緒に持参を。',
          en: 'Medical-cost support may need a certificate; bring it with the insurance card to appointments.',
          partner: '受給者証や保険証が届いたら、置き場所を決めて二人で共有しましょう。',
        },
      ],
      toddler: [
        {
          ja: '保育園の申し込みには締め切りがあります。入園を考えている人は早めに自治体の案内を確認しましょう。',
          en: 'Nursery applications have deadlines; check your municipality’s guide early if you are considering one.',
          partner: '保育園の見学や申し込み書類の準備を、手分けして進めましょう。',
        },
        {
          ja: '児童手当は、住所や口座が変わったら届け出が必要です。',
          en: 'Report a change of address or bank account for the child allowance.',
          partner: '引っ越しや転職のときは、児童手当や医療証の届け出も忘れずに。',
        },
      ],
    },
  },
  {
    key: 'local',
    label: { ja: '地域の支え', en: 'Local support', partner: '地域の支え' },
    texts: {
      pregnancy: [
        {
          ja: '地域の保健師や助産師は、妊娠中の小さな心配ごとも聞いてくれます。遠慮なく連絡してください。',
          en: 'Local public health nurses and midwives listen to small worries too. Feel free to get in touch.',
          partner: '地域の窓口は、パートナーからの相談も受け付けています。気になることがあれば連絡を。',
        },
        {
          ja: '両親学級や地域のイベントでは、同じ時期に出産する人と知り合えることがあります。',
          en: 'Parenting classes and local events are a chance to meet others due around the same time.',
          partner: '父親向けの講座や両親学級は、同じ立場の人と話せる機会です。',
        },
        {
          ja: '産後に使えるサービス(産後ケア、家事支援など)を、妊娠中に調べておくと安心です。',
          en: 'Look up postnatal services, such as postpartum care and home help, while you are still pregnant.',
          partner: '産後ケアや家事支援サービスの申し込み方法を、先に調べておきましょう。',
        },
      ],
      baby: [
        {
          ja: '地域の子育て支援センターでは、親子で遊んだり、気軽に相談したりできます。',
          en: 'At the local child-rearing support centre you can play with your baby and ask questions casually.',
          partner: '休日に子育て支援センターや親子向けの催しに、子どもを連れて行ってみましょう。',
        },
        {
          ja: '産後ケアや一時預かりは、疲れたときに使ってよいサービスです。',
          en: 'Postpartum care and temporary childcare are there to be used when you are tired.',
          partner: '一時預かりや産後ケアの利用を、パートナーにすすめることも支えの一つです。',
        },
      ],
      toddler: [
        {
          ja: '児童館や子育て広場は、子どもが同年代の子と出会える場所です。',
          en: 'Children’s halls and play spaces let your child meet others of the same age.',
          partner: '児童館や公園の催しに、あなたが子どもを連れて行く日をつくりましょう。',
        },
        {
          ja: '子育ての悩みは、健診の時以外でも地域の窓口に相談できます。',
          en: 'You can ask the local desk about parenting worries any time, not only at checkups.',
          partner: '窓口への相談は、パートナーからでも大丈夫です。',
        },
      ],
    },
  },
]
