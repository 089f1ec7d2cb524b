// One row per child month (月齢 0 … 36): development, everyday care, checkups and vaccinations
// that fall due, and what the partner can do. Schedules follow Japan's routine programme in
// general terms; every row defers to the municipality's schedule and the child's doctor.

export interface ChildMonth {
  month: number
  ja: { development: string; care: string; checkups: string; partner: string }
  en: { development: string; care: string; checkups: string }
}

const jaNone =
  '今月は決まった健診や定期接種のない子が多い時期です。母子健康手帳で次の予定を確かめておきましょう。'
const enNone =
  'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.'

export const childMonths: ChildMonth[] = [
  {
    month: 0,
    ja: {
      development:
        '眠る、泣く、飲むをくり返す時期です。手に触れたものを握るなど、生まれつきの反射が見られます。',
      care: '授乳は欲しがるときに。寝かせるときは仰向けで、周りに柔らかい物を置かないようにしましょう。',
      checkups: '出生届は生まれた日を含めて14日以内に。生後1か月頃に1か月健診があります。',
      partner: '沐浴やおむつ替え、夜の授乳後の寝かしつけなど、担当を決めて引き受けましょう。',
    },
    en: {
      development:
        'Sleeping, crying and feeding fill the days. Reflexes such as gripping a finger are present from birth.',
      care: 'Feed when the baby wants. Put the baby to sleep on the back with nothing soft around.',
      checkups:
        'Register the birth within 14 days, counting the day of birth. The one-month checkup comes at about one month.',
    },
  },
  {
    month: 1,
    ja: {
      development: '近くの物をじっと見たり、音のする方に反応したりするようになります。',
      care: 'うんちの色を母子健康手帳の便色カードと見比べましょう。白っぽい色が続くときは受診を。',
      checkups:
        '1か月健診の時期です。生後2か月から始まる予防接種の予定を、かかりつけ医と相談して立てましょう。',
      partner: '1か月健診の付き添いや、予防接種の予約を引き受けてみましょう。',
    },
    en: {
      development: 'The baby gazes at nearby things and turns towards sounds.',
      care: 'Compare stool colour with the card in your handbook; if it stays pale, see a doctor.',
      checkups:
        'Time for the one-month checkup. Plan the vaccinations that start at two months with your doctor.',
    },
  },
  {
    month: 2,
    ja: {
      development: 'あやすと笑ったり、「あー」「うー」と声を出したりするようになります。',
      care: '短い時間の外気浴や散歩を始めてもよい頃です。直射日光は避けましょう。',
      checkups:
        '生後2か月から、五種混合・小児用肺炎球菌・B型肝炎・ロタウイルスの定期接種が始まります。時期は自治体の案内と医師に確認を。',
      partner: '予防接種の日は、抱っこや付き添いを担当しましょう。接種後の様子を一緒に見守れます。',
    },
    en: {
      development: 'The baby smiles when you play and makes cooing sounds.',
      care: 'Short spells outdoors are fine now; avoid direct sunlight.',
      checkups:
        'Routine vaccinations start at two months: the 5-in-1 (DTaP-IPV-Hib), pneumococcal, hepatitis B and rotavirus. Check timing with your municipality and doctor.',
    },
  },
  {
    month: 3,
    ja: {
      development: '首がすわり始める子が増えます。手をじっと見つめたり、口に入れたりします。',
      care: '首がすわるまでは、抱っこのときに首と頭をしっかり支えましょう。',
      checkups: '3〜4か月児健診の時期です。予防接種の2回目も続きます。日程は自治体からの案内で確認を。',
      partner: '健診の案内や接種の日程を家族のカレンダーに入れ、二人で共有しましょう。',
    },
    en: {
      development:
        'Many babies begin to hold their head up. They look at their hands and put them in their mouth.',
      care: 'Until head control is firm, support the head and neck when holding the baby.',
      checkups:
        'The 3–4 month checkup is due, and the second round of vaccinations continues. See your municipality’s notice for dates.',
    },
  },
  {
    month: 4,
    ja: {
      development: '首がしっかりし、声を出して笑うことが増えます。',
      care: '昼と夜のリズムがつき始める頃です。朝はカーテンを開けて光を入れましょう。',
      checkups: '3〜4か月児健診と、予防接種の3回目の時期です。体調が悪い日は無理をせず医師に相談を。',
      partner: '朝の光を浴びせる、夜は部屋を暗くするなど、生活リズムづくりを一緒に。',
    },
    en: {
      development: 'Head control is firmer and the baby laughs out loud more often.',
      care: 'Day–night rhythm begins to form; open the curtains in the morning.',
      checkups:
        'The 3–4 month checkup and the third round of vaccinations fall around now. If the baby is unwell, ask your doctor.',
    },
  },
  {
    month: 5,
    ja: {
      development: '寝返りを始める子もいます。おもちゃに手を伸ばしてつかもうとします。',
      care: '離乳食は5〜6か月頃が始めどき。よだれが増え、大人の食事に興味を示したら合図の一つです。',
      checkups: 'BCGの接種は生後5〜8か月が標準的な時期です。実施方法は自治体によって異なります。',
      partner: '寝返りで転落しないよう、ソファやベッドに寝かせたまま離れないようにしましょう。',
    },
    en: {
      development: 'Some babies start rolling over and reach for toys.',
      care: 'Solids usually start at 5–6 months; drooling and interest in your food are signs of readiness.',
      checkups: 'BCG is usually given at 5–8 months; how it is offered differs between municipalities.',
    },
  },
  {
    month: 6,
    ja: {
      development: '支えがあれば座れる子も。人の顔を見分け始めます。',
      care: '小さな物を口に入れるようになります。直径4cm足らずの物は手の届かない所へ。',
      checkups: '6〜7か月児健診を行う自治体や医療機関があります。B型肝炎の3回目の時期も近づきます。',
      partner: '床に落ちている小物や電池、薬をチェックする係を引き受けましょう。',
    },
    en: {
      development: 'Some babies can sit with support and begin to tell faces apart.',
      care: 'Everything goes into the mouth; keep anything smaller than about 4 cm out of reach.',
      checkups: 'Many areas hold a 6–7 month checkup. The third hepatitis B dose is coming up.',
    },
  },
  {
    month: 7,
    ja: {
      development: 'ひとりで座れる子が増え、人見知りが始まることがあります。',
      care: '離乳食は1日2回に進める頃。食べる量には個人差があるので、焦らなくて大丈夫です。',
      checkups: 'B型肝炎の3回目は生後7〜8か月頃が標準です。BCGがまだの場合は予定を確認しましょう。',
      partner: '離乳食を食べさせる役をやってみましょう。週末だけでも助けになります。',
    },
    en: {
      development: 'More babies sit alone; wariness of strangers may begin.',
      care: 'Solids move to twice a day. Amounts vary; there is no hurry.',
      checkups:
        'The third hepatitis B dose is usually at 7–8 months. If BCG is not done yet, check the plan.',
    },
  },
  {
    month: 8,
    ja: {
      development: 'はいはいで移動し始める子もいます。興味のある物に向かっていきます。',
      care: '行動範囲が広がります。階段や台所の入口にはゲートを検討しましょう。',
      checkups: 'BCGは1歳になる前日までに受けることになっています。未接種なら自治体に相談を。',
      partner: '家の中の危ない場所を、赤ちゃんの目線の高さで一緒に点検しましょう。',
    },
    en: {
      development: 'Some babies start crawling towards whatever catches their eye.',
      care: 'They get around more; consider gates at stairs and the kitchen.',
      checkups: 'BCG must be given before the first birthday; if it is still missing, ask your municipality.',
    },
  },
  {
    month: 9,
    ja: {
      development: 'つかまり立ちをする子が出てきます。「まんま」など声の種類が増えます。',
      care: '離乳食は1日3回へ。手づかみ食べは、食べる意欲を育てます。',
      checkups: '9〜10か月児健診の時期です。受け方(集団か医療機関か)は自治体の案内で確認を。',
      partner: '手づかみ食べの後片付けは大変です。食後の掃除を引き受けましょう。',
    },
    en: {
      development: 'Some babies pull themselves up to stand and babble more sounds.',
      care: 'Solids move to three times a day; finger food builds eagerness to eat.',
      checkups:
        'The 9–10 month checkup is due. Your municipality’s notice says whether it is held at a clinic or a health centre.',
    },
  },
  {
    month: 10,
    ja: {
      development: '伝い歩きや、バイバイなどのまねをする子もいます。',
      care: '歯が生えてきたら、ガーゼや歯ブラシでのお手入れを始めましょう。',
      checkups:
        '9〜10か月児健診がまだなら受けましょう。1歳からの予防接種に向けて予定を立てておくと安心です。',
      partner: '寝る前の歯みがきタイムを担当にしてみましょう。',
    },
    en: {
      development: 'Some babies cruise along furniture and copy gestures such as waving.',
      care: 'Once teeth appear, start cleaning them with gauze or a soft brush.',
      checkups:
        'If you have not had the 9–10 month checkup, book it. Plan the vaccinations due from the first birthday.',
    },
  },
  {
    month: 11,
    ja: {
      development: '指先で小さな物をつまめるようになります。名前を呼ぶと振り向きます。',
      care: '浴槽に水をためたままにしないなど、水回りの事故に注意しましょう。',
      checkups: '1歳の誕生日を過ぎたら受ける予防接種(麻しん風しんなど)を、早めに予約しておきましょう。',
      partner: 'お風呂の残り湯を抜く、浴室の鍵をかけるなど、水回りの安全を担当しましょう。',
    },
    en: {
      development: 'The baby picks up small things between finger and thumb and turns when called.',
      care: 'Watch out for water: do not leave water in the bath.',
      checkups: 'Book the vaccinations due from the first birthday, such as measles–rubella, in good time.',
    },
  },
  {
    month: 12,
    ja: {
      development: 'ひとりで立ったり、歩き始めたりする子もいます。意味のある言葉が出る子も。',
      care: '離乳食の完了に向かう時期です。大人の味付けは薄めに取り分けましょう。',
      checkups:
        '1歳になったら、麻しん風しん(MR)1期と水痘の1回目、小児用肺炎球菌や五種混合の追加接種の時期です。',
      partner: '1歳の予防接種はまとめて受けることが多いです。付き添いを担当しましょう。',
    },
    en: {
      development: 'Some children stand alone or take first steps; some say their first words.',
      care: 'Moving towards family food; set aside portions before adding strong seasoning.',
      checkups:
        'From the first birthday: measles–rubella (MR) dose 1, varicella dose 1, and booster doses of pneumococcal and the 5-in-1.',
    },
  },
  {
    month: 13,
    ja: {
      development: '歩き始める子が増え、指さしで気持ちを伝えようとします。',
      care: '靴は歩き始めてから。足に合ったものを選びましょう。',
      checkups: '1歳の予防接種で受けていないものがないか、母子健康手帳で確認しましょう。',
      partner: '公園や児童館に連れ出し、歩く練習につき合いましょう。',
    },
    en: {
      development: 'More children walk and point to show what they want.',
      care: 'Buy shoes once walking starts and choose ones that fit well.',
      checkups: 'Check your handbook for any first-birthday vaccinations still to do.',
    },
  },
  {
    month: 14,
    ja: {
      development: '言葉の理解が進み、簡単な言いつけがわかるようになってきます。',
      care: '卒乳の時期は子どもや家庭によってさまざまです。焦らず決めて大丈夫です。',
      checkups: jaNone,
      partner: '絵本の読み聞かせを日課にしてみましょう。短い時間でも十分です。',
    },
    en: {
      development: 'Understanding grows; simple requests make sense to the child.',
      care: 'When to stop breastfeeding varies by child and family; decide without hurry.',
      checkups: enNone,
    },
  },
  {
    month: 15,
    ja: {
      development: 'しっかり歩けるようになり、いろいろな物を触って確かめます。',
      care: '転びやすい時期です。テーブルの角などにカバーをつけましょう。',
      checkups:
        '水痘の2回目は、1回目から3か月以上あけて受けます(標準は6〜12か月後)。五種混合の追加も確認を。',
      partner: '家具の角や引き出しの安全対策を、週末にまとめてやってみましょう。',
    },
    en: {
      development: 'Walking is steadier; the child touches everything to find out about it.',
      care: 'Falls are common; fit covers on sharp table corners.',
      checkups:
        'Varicella dose 2 comes at least 3 months after dose 1 (usually 6–12 months). Check the 5-in-1 booster too.',
    },
  },
  {
    month: 16,
    ja: {
      development: '「自分で」という気持ちが出てきます。',
      care: 'スプーンを持ちたがったら、こぼしてもよい環境で練習を。',
      checkups: jaNone,
      partner: '食事の時間に一緒に座り、こぼしても見守る役をしてみましょう。',
    },
    en: {
      development: 'The wish to do things “by myself” appears.',
      care: 'If the child wants the spoon, let them practise where spills do not matter.',
      checkups: enNone,
    },
  },
  {
    month: 17,
    ja: {
      development: '言葉の数が少しずつ増えます。増え方には大きな個人差があります。',
      care: '歯みがきの仕上げは大人が。嫌がる時期は歌や遊びで短時間に。',
      checkups: '1歳6か月児健診の案内が届く頃です。日程を確認しておきましょう。',
      partner: '1歳6か月児健診の日に付き添えるか、予定を確認しましょう。',
    },
    en: {
      development: 'Vocabulary grows little by little, at very different speeds.',
      care: 'An adult finishes brushing. If the child resists, keep it short and playful.',
      checkups: 'The notice for the 18-month checkup may arrive soon; note the date.',
    },
  },
  {
    month: 18,
    ja: {
      development: '意味のある言葉がいくつか出て、簡単な指示に応じられる子が増えます。',
      care: '生活リズムを整え、昼寝は1日1回になる子が多くなります。',
      checkups: '1歳6か月児健診の時期です。歯科健診もあわせて行われることが多いです。',
      partner: '健診で聞きたいことを、二人で事前に書き出しておきましょう。',
    },
    en: {
      development: 'Many children use several words and follow simple instructions.',
      care: 'Keep a steady daily rhythm; many children now nap once a day.',
      checkups: 'The 18-month checkup is due, often with a dental check.',
    },
  },
  {
    month: 19,
    ja: {
      development: '走ったり、段差をのぼったりと、動きが活発になります。',
      care: '外遊びで体をたくさん動かすと、夜の眠りにもつながります。',
      checkups: '1歳6か月児健診をまだ受けていない場合は、自治体に日程を問い合わせましょう。',
      partner: '休日は公園で思いきり体を動かす時間をつくりましょう。',
    },
    en: {
      development: 'Running and climbing steps make the child very active.',
      care: 'Plenty of outdoor play helps night-time sleep.',
      checkups: 'If you missed the 18-month checkup, ask your municipality for a date.',
    },
  },
  {
    month: 20,
    ja: {
      development: 'まねっこ遊びが増え、大人のすることに興味しんしんです。',
      care: 'おやつは時間と量を決めて。甘い飲み物は虫歯の原因になりやすいです。',
      checkups: jaNone,
      partner: '料理や片付けを、子どもと一緒に「まね」できる形でやってみましょう。',
    },
    en: {
      development: 'Pretend play grows; adults’ activities fascinate the child.',
      care: 'Set times and amounts for snacks; sweet drinks easily cause tooth decay.',
      checkups: enNone,
    },
  },
  {
    month: 21,
    ja: {
      development: '二語文(「ママ きた」など)が出てくる子もいます。',
      care: 'かんしゃくは自我の育ちの表れです。安全を確保して、落ち着くのを待ちましょう。',
      checkups: '水痘の2回目など、受け忘れている予防接種がないか確認しましょう。',
      partner: 'かんしゃくの場面では、二人の対応をそろえておくと子どもも落ち着きやすくなります。',
    },
    en: {
      development: 'Some children start two-word sentences.',
      care: 'Tantrums show a growing self. Keep the child safe and wait for calm.',
      checkups: 'Check that no vaccinations, such as varicella dose 2, have been missed.',
    },
  },
  {
    month: 22,
    ja: {
      development: '自分の物と人の物の区別がつき始めます。',
      care: 'トイレトレーニングは、おしっこの間隔があいてきたら。始める時期はさまざまです。',
      checkups: jaNone,
      partner: 'トイレに誘う声かけを、家族みんなでそろえてみましょう。',
    },
    en: {
      development: 'The child begins to tell “mine” from others’.',
      care: 'Toilet training can start once the gaps between wees lengthen; timing varies widely.',
      checkups: enNone,
    },
  },
  {
    month: 23,
    ja: {
      development: '友だちに興味を持ち、そばで遊ぶようになります。',
      care: '一時預かりや子育て支援センターを使って、保護者が休む時間もつくりましょう。',
      checkups: jaNone,
      partner: 'あなたが子どもを見ている間に、パートナーが一人で過ごす時間をつくりましょう。',
    },
    en: {
      development: 'Interest in other children grows; they play side by side.',
      care: 'Use temporary childcare or the support centre so that parents can rest too.',
      checkups: enNone,
    },
  },
  {
    month: 24,
    ja: {
      development: '2歳。言葉がぐんと増え、「なんで?」と聞くこともあります。',
      care: '自分でやりたい気持ちを大切に、時間に余裕をもって見守りましょう。',
      checkups: '2歳の歯科健診を行う自治体もあります。かかりつけの歯科医を持つと安心です。',
      partner: '出かける準備に時間がかかる日は、先回りして支度を手伝いましょう。',
    },
    en: {
      development: 'Two years old. Words multiply, and “why?” may begin.',
      care: 'Respect the wish to do things alone; leave extra time.',
      checkups: 'Some municipalities offer a dental checkup at two; a regular dentist is reassuring.',
    },
  },
  {
    month: 25,
    ja: {
      development: '簡単なごっこ遊びを楽しむようになります。',
      care: '食べむらがあっても、1週間単位で見てバランスがとれていれば大丈夫です。',
      checkups: jaNone,
      partner: 'ごっこ遊びの相手役になってみましょう。',
    },
    en: {
      development: 'Simple make-believe play becomes fun.',
      care: 'Appetite comes and goes; balance over a week is what counts.',
      checkups: enNone,
    },
  },
  {
    month: 26,
    ja: {
      development: '手先が器用になり、積み木を高く積めるようになります。',
      care: 'ボタン電池や磁石の誤飲は危険です。見つけたら手の届かない所へ。',
      checkups: jaNone,
      partner: '家の中の電池や小さな磁石の置き場所を、もう一度見直しましょう。',
    },
    en: {
      development: 'Hands grow more skilful; block towers get taller.',
      care: 'Button batteries and magnets are dangerous if swallowed; keep them well out of reach.',
      checkups: enNone,
    },
  },
  {
    month: 27,
    ja: {
      development: '気持ちを言葉で伝えようとしますが、うまくいかずに泣くこともあります。',
      care: '「〜したかったんだね」と気持ちを言葉にしてあげると落ち着きやすくなります。',
      checkups: jaNone,
      partner: '子どもの気持ちを代わりに言葉にする声かけを、意識して使ってみましょう。',
    },
    en: {
      development: 'The child tries to put feelings into words and may cry when it does not work.',
      care: 'Naming the feeling (“you wanted to…”) often helps the child calm down.',
      checkups: enNone,
    },
  },
  {
    month: 28,
    ja: {
      development: '走る、跳ぶなど全身の動きがさらに上手になります。',
      care: '道路では手をつなぐ、駐車場では抱っこするなど、交通安全の習慣を。',
      checkups: jaNone,
      partner: '外出時は車道側を歩き、子どもと手をつなぐ係になりましょう。',
    },
    en: {
      development: 'Running and jumping get more skilful.',
      care: 'Build road-safety habits: hold hands near roads and carry the child in car parks.',
      checkups: enNone,
    },
  },
  {
    month: 29,
    ja: {
      development: '色や形の名前を覚え始める子もいます。',
      care: 'テレビや動画は時間を決めて、一緒に見て話すようにしましょう。',
      checkups: jaNone,
      partner: '動画を見せる代わりに、外遊びや絵本の時間を担当してみましょう。',
    },
    en: {
      development: 'Some children start learning colours and shapes.',
      care: 'Set limits for screens and watch together, talking about what you see.',
      checkups: enNone,
    },
  },
  {
    month: 30,
    ja: {
      development: '2歳半。自分の名前や年齢を言える子もいます。',
      care: '保育園や幼稚園など、3歳からの過ごし方を考え始める家庭もあります。',
      checkups: '2歳6か月頃に歯科健診を行う自治体もあります。案内を確認しましょう。',
      partner: '入園の情報集めや見学を、手分けして進めましょう。',
    },
    en: {
      development: 'Two and a half. Some children can say their name and age.',
      care: 'Some families start thinking about nursery or kindergarten from age three.',
      checkups: 'Some municipalities offer a dental checkup at about 2½; check for a notice.',
    },
  },
  {
    month: 31,
    ja: {
      development: '順番を待つなど、簡単なルールがわかり始めます。',
      care: 'できたことを具体的にほめると、次の意欲につながります。',
      checkups: jaNone,
      partner: 'その日できたことを、家族で言葉にしてほめ合う時間をつくりましょう。',
    },
    en: {
      development: 'Simple rules such as taking turns start to make sense.',
      care: 'Specific praise for what the child managed builds motivation.',
      checkups: enNone,
    },
  },
  {
    month: 32,
    ja: {
      development: '友だちと一緒に遊ぶ場面が増えてきます。',
      care: 'おもちゃの取り合いは成長の一場面。気持ちを受け止めつつ、代わりの方法を伝えましょう。',
      checkups: jaNone,
      partner: '週末に子育て広場や公園で、子ども同士が遊ぶ機会をつくりましょう。',
    },
    en: {
      development: 'Playing with other children becomes more common.',
      care: 'Squabbles over toys are normal; acknowledge the feeling and suggest another way.',
      checkups: enNone,
    },
  },
  {
    month: 33,
    ja: {
      development: '「どうして?」が増え、周りの世界への関心が広がります。',
      care: '夜のおむつが外れる時期には大きな個人差があります。焦らなくて大丈夫です。',
      checkups: '3歳児健診の案内が届く頃です。日程を確認しておきましょう。',
      partner: '「どうして?」にはすぐ答えを言わず、一緒に考える時間を楽しみましょう。',
    },
    en: {
      development: '“Why?” questions multiply as curiosity about the world grows.',
      care: 'Night-time dryness comes at very different ages; there is no hurry.',
      checkups: 'The notice for the three-year checkup may arrive soon; note the date.',
    },
  },
  {
    month: 34,
    ja: {
      development: '服の着脱など、身の回りのことを少しずつ自分でできるようになります。',
      care: '着やすい服を選ぶと、「自分でできた」の経験が増えます。',
      checkups: jaNone,
      partner: '朝の着替えを急かさず見守る役を、できる日に担当しましょう。',
    },
    en: {
      development: 'The child starts dressing and managing small tasks alone.',
      care: 'Easy clothes mean more “I did it myself” moments.',
      checkups: enNone,
    },
  },
  {
    month: 35,
    ja: {
      development: '3歳を前に、会話のやりとりが楽しくなってきます。',
      care: '日本脳炎の予防接種は3歳が標準的な時期です。自治体の案内を確認しましょう。',
      checkups: '3歳児健診では視力や聴力の検査もあります。家での検査キットが届いたら早めに準備を。',
      partner: '3歳児健診の事前の視力・聴力検査を、家で一緒にやってみましょう。',
    },
    en: {
      development: 'Approaching three, conversations become fun.',
      care: 'Japanese encephalitis vaccination usually starts at three; check your municipality’s notice.',
      checkups:
        'The three-year checkup includes vision and hearing; start on the home test kit when it arrives.',
    },
  },
  {
    month: 36,
    ja: {
      development: '3歳。自分の気持ちや経験を言葉で話せるようになってきます。',
      care: 'これからも、困ったときは地域の窓口やかかりつけ医に相談できます。',
      checkups: '3歳児健診と、日本脳炎の予防接種(1期)の時期です。自治体の案内と医師に確認を。',
      partner: 'これまでの3年間を、二人でふり返る時間をつくってみましょう。',
    },
    en: {
      development: 'Three years old. The child can talk about feelings and experiences.',
      care: 'You can keep asking your local desk and your doctor whenever you need.',
      checkups:
        'The three-year checkup and the first Japanese encephalitis doses are due; check with your municipality and doctor.',
    },
  },
]
