// One row per pregnancy week (妊娠4週 … 41週): the baby's development, the pregnant person's
// body, a practical tip, and what the partner can do. Sample text for review by a doctor or
// midwife: facts are general and always defer to the resident's own doctor and municipality.

export interface PregnancyWeek {
  week: number
  ja: { baby: string; body: string; tip: string; partner: string }
  en: { baby: string; body: string; tip: string }
}

export const pregnancyWeeks: PregnancyWeek[] = [
  {
    week: 4,
    ja: {
      baby: '受精卵が子宮の内側に根づき、胎盤やへその緒のもとになる組織がつくられ始める頃です。',
      body: '月経の遅れで気づく人もいます。眠気やだるさ、微熱のような感じが出ることがあります。',
      tip: '検査薬で陽性が出たら、産婦人科で確認を。飲んでいる薬があれば自己判断でやめずに医師に相談しましょう。',
      partner: '体調の変化を話してもらえたら、まず受け止めて、受診に付き添えるか聞いてみましょう。',
    },
    en: {
      baby: 'The fertilised egg settles into the lining of the uterus, and the tissue that will become the placenta begins to form.',
      body: 'A late period is often the first sign. Sleepiness, tiredness or a slightly raised temperature are common.',
      tip: 'After a positive home test, see an obstetrician to confirm. If you take any medicine, ask your doctor before stopping it.',
    },
  },
  {
    week: 5,
    ja: {
      baby: '心臓や脳、神経のもとになる部分ができ始めています。',
      body: 'つわりが始まる人もいます。においに敏感になったり、胸が張ったりすることがあります。',
      tip: '葉酸は妊娠初期に特に大切とされています。サプリメントの使い方は医師や薬剤師に相談を。',
      partner: '香りの強い料理や柔軟剤を控えるなど、家の中でできる配慮を探してみましょう。',
    },
    en: {
      baby: 'The parts that will become the heart, brain and nerves begin to form.',
      body: 'Morning sickness may start. You may become sensitive to smells, and your breasts may feel tender.',
      tip: 'Folic acid matters most in early pregnancy. Ask a doctor or pharmacist how to take a supplement.',
    },
  },
  {
    week: 6,
    ja: {
      baby: '超音波検査で胎嚢が見え、心拍が確認できることがあります。',
      body: '眠気、頻尿、胸の張りなど、体の変化を感じやすい時期です。',
      tip: '妊娠が確認されたら、妊娠届の出し方を自治体のウェブサイトや窓口で確かめておきましょう。',
      partner: '妊娠届や面談の日程を一緒に確認し、同行できる日を考えてみましょう。',
    },
    en: {
      baby: 'An ultrasound may show the gestational sac, and sometimes a heartbeat.',
      body: 'Sleepiness, needing to pass urine more often and tender breasts are common now.',
      tip: 'Once the pregnancy is confirmed, look up how to submit the pregnancy notification on your municipality’s website or at its counter.',
    },
  },
  {
    week: 7,
    ja: {
      baby: '頭と体の区別がつき始め、手足のもとが出てきます。',
      body: 'つわりが強くなる人もいます。食べられるものを、食べられるときに少しずつで大丈夫です。',
      tip: '水分がとれない、尿がほとんど出ない、体重が急に減るといったときは、早めに受診しましょう。',
      partner: '食事の用意や片付けを引き受けると、においのつらさが少し和らぐことがあります。',
    },
    en: {
      baby: 'The head and body become distinct, and tiny buds for arms and legs appear.',
      body: 'Nausea may get stronger. Eating small amounts of whatever you can manage, whenever you can, is fine.',
      tip: 'If you cannot keep fluids down, pass very little urine or lose weight quickly, see your doctor soon.',
    },
  },
  {
    week: 8,
    ja: {
      baby: '体長は1.5cmほど。体の主な器官の基礎がつくられる大切な時期です。',
      body: '子宮はこぶしくらいの大きさになり、下腹部の張りや便秘を感じることがあります。',
      tip: '妊娠届を出すと、母子健康手帳と妊婦健診の受診券が受け取れます。保健師などとの面談もこの時に。',
      partner: '母子健康手帳を一緒に開いて、健診の予定をカレンダーで共有しましょう。',
    },
    en: {
      baby: 'About 1.5 cm long. The foundations of the main organs are being laid.',
      body: 'The uterus is now about the size of a fist; a pulling feeling in the lower belly or constipation may appear.',
      tip: 'Submitting the pregnancy notification gets you the Maternal and Child Health Handbook and prenatal checkup vouchers, usually with an interview.',
    },
  },
  {
    week: 9,
    ja: {
      baby: '手足の指が分かれ始め、小さく動き始めます。まだ胎動として感じることはありません。',
      body: 'ホルモンの変化で、涙もろくなったりイライラしたりと気分が揺れやすくなります。',
      tip: '働いている人は、職場へ伝える時期と方法を考え始めましょう。「母健連絡カード」も使えます。',
      partner: '気分の波は体の変化によるものです。理由を問い詰めず、まず話を聞きましょう。',
    },
    en: {
      baby: 'Fingers and toes begin to separate and small movements start, too early to be felt.',
      body: 'Hormonal changes can make you tearful or irritable; mood swings are common.',
      tip: 'If you work, start thinking about when and how to tell your employer. The maternal health management card can help.',
    },
  },
  {
    week: 10,
    ja: {
      baby: '「胎芽」から「胎児」と呼ばれるようになる頃です。',
      body: 'つわりのピークを迎える人が多い時期です。無理せず休める時間をつくりましょう。',
      tip: 'たばことお酒は控えましょう。周りの人のたばこの煙(受動喫煙)にも注意が必要です。',
      partner: 'たばこを吸う人は、家族の健康のために禁煙を考える良い機会です。',
    },
    en: {
      baby: 'From about now the embryo is called a fetus.',
      body: 'Nausea peaks for many people around now. Make time to rest.',
      tip: 'Avoid alcohol and tobacco, and keep away from other people’s smoke too.',
    },
  },
  {
    week: 11,
    ja: {
      baby: '骨や筋肉が発達し、ほぼ人の形になってきます。',
      body: 'お腹はまだ目立たなくても、ウエストがきつく感じることがあります。',
      tip: '妊娠中は歯ぐきが腫れやすくなります。妊婦歯科健診を行っている自治体もあります。',
      partner: '家事の分担を話し合い、誰が何をするかを具体的に決めておきましょう。',
    },
    en: {
      baby: 'Bones and muscles develop; the baby now has an almost human shape.',
      body: 'Even if it does not show yet, your waistband may feel tight.',
      tip: 'Gums swell easily in pregnancy. Many municipalities offer a dental checkup for pregnant residents.',
    },
  },
  {
    week: 12,
    ja: {
      baby: '体長は6cmほど。内臓の基本的な形がそろってきます。',
      body: 'つわりが少しずつ落ち着く人もいれば、まだ続く人もいます。個人差が大きい時期です。',
      tip: '出生前検査について知りたいことがあれば、主治医や遺伝カウンセリングの窓口に相談できます。',
      partner: '健診の結果や説明は、できれば一緒に聞きましょう。二人で考えることが支えになります。',
    },
    en: {
      baby: 'About 6 cm long. The basic shape of the internal organs is in place.',
      body: 'Nausea eases for some people and continues for others; it varies a great deal.',
      tip: 'If you have questions about prenatal testing, your doctor or a genetic counselling service can help.',
    },
  },
  {
    week: 13,
    ja: {
      baby: '胎盤がほぼ完成に近づき、栄養や酸素を受け取るしくみが整ってきます。',
      body: '食欲が戻ってくる人もいます。体重の増え方は健診で相談しながら見ていきましょう。',
      tip: '妊婦健診はおおむね4週に1回。受診券が使えるので、母子健康手帳と一緒に持っていきましょう。',
      partner: '健診の日に送り迎えや上の子の世話ができるか、予定を調整してみましょう。',
    },
    en: {
      baby: 'The placenta is nearly complete and takes over supplying nutrients and oxygen.',
      body: 'Appetite may return. Your checkups will help you keep an eye on weight gain.',
      tip: 'Prenatal checkups are roughly every four weeks now. Bring your handbook and vouchers.',
    },
  },
  {
    week: 14,
    ja: {
      baby: '体を覆う産毛が生え始め、指しゃぶりのような動きも見られます。',
      body: 'おりものが増えることがあります。かゆみやにおいが気になるときは受診を。',
      tip: 'お腹が大きくなる前に、ゆったりした服や下着を準備しておくと楽です。',
      partner: '最近どう?と声をかけ、体調や困りごとを聞く時間をつくりましょう。',
    },
    en: {
      baby: 'Fine hair begins to cover the body, and thumb-sucking movements may be seen.',
      body: 'Vaginal discharge may increase. See your doctor if it itches or smells.',
      tip: 'Get some loose clothes and underwear before your belly grows.',
    },
  },
  {
    week: 15,
    ja: {
      baby: '体長は10cmを超え、耳や目の形がはっきりしてきます。',
      body: '胎盤が完成に近づき、体調が安定してくる人が多くなります。',
      tip: '体調がよければ、散歩などの軽い運動を。始める前に医師に確認しておくと安心です。',
      partner: '体調のよい日に、一緒に近所を散歩してみませんか。',
    },
    en: {
      baby: 'Now over 10 cm long; the ears and eyes take clearer shape.',
      body: 'As the placenta matures, many people start to feel more settled.',
      tip: 'If you feel well, try light exercise such as walking; check with your doctor first.',
    },
  },
  {
    week: 16,
    ja: {
      baby: '骨がしっかりしてきて、手足をよく動かしています。',
      body: 'いわゆる安定期に入る頃ですが、無理は禁物です。お腹のふくらみが目立ち始めます。',
      tip: '両親学級・母親学級の日程を確認し、予約しておきましょう。',
      partner: '両親学級への参加を予定に入れましょう。沐浴やおむつ替えの練習ができます。',
    },
    en: {
      baby: 'Bones are getting firmer and the arms and legs move a lot.',
      body: 'Many people feel steadier from now, but take it easy. The bump begins to show.',
      tip: 'Check the dates of parenting classes in your area and book a place.',
    },
  },
  {
    week: 17,
    ja: {
      baby: '皮下脂肪がつき始め、体温を保つ準備が進みます。',
      body: 'お腹が大きくなり始め、腰や背中に負担を感じることがあります。',
      tip: '仰向けで苦しいときは、横向きに寝ると楽なことがあります。',
      partner: '重い荷物や高い所の物を取る作業は、積極的に引き受けましょう。',
    },
    en: {
      baby: 'Fat begins to form under the skin, helping to keep warm later.',
      body: 'The growing belly may put strain on your lower back.',
      tip: 'If lying on your back is uncomfortable, try lying on your side.',
    },
  },
  {
    week: 18,
    ja: {
      baby: '耳の骨ができ、外の音に反応することがあると言われています。',
      body: '早い人は胎動を感じ始めます。初めての妊娠では、もう少し先のことも多いです。',
      tip: '産院の分娩予約が必要な地域もあります。里帰り出産を考える人は早めに相談を。',
      partner: '出産する場所や里帰りの有無を、二人で話し合って決めましょう。',
    },
    en: {
      baby: 'The small bones of the ear form; the baby may react to sounds.',
      body: 'Some people begin to feel movements; in a first pregnancy it is often a little later.',
      tip: 'Some areas require you to book your birth hospital early; ask soon if you plan to give birth near your family.',
    },
  },
  {
    week: 19,
    ja: {
      baby: '体長は25cmほど。体の表面を胎脂という脂が覆い、皮膚を守っています。',
      body: '貧血になりやすい時期です。立ちくらみが続くときは健診で相談を。',
      tip: '鉄分の多い食品(赤身の肉や魚、大豆製品、青菜など)を意識してとりましょう。',
      partner: '献立を一緒に考えたり、買い物を引き受けたりしてみましょう。',
    },
    en: {
      baby: 'About 25 cm long; a waxy coating called vernix protects the skin.',
      body: 'Anaemia becomes more likely; mention repeated dizziness at your checkup.',
      tip: 'Include iron-rich foods such as lean meat, fish, soy products and leafy greens.',
    },
  },
  {
    week: 20,
    ja: {
      baby: '体重は300gほど。髪の毛や爪が生え始めます。',
      body: '子宮がおへその高さ近くまで大きくなります。胎動を感じる人が増えます。',
      tip: '妊娠中期の体調がよい時期に、出産準備品のリストを作っておくとあとで楽です。',
      partner: '胎動を感じたら教えてもらい、お腹に手を当ててみましょう。',
    },
    en: {
      baby: 'About 300 g. Hair and nails begin to grow.',
      body: 'The top of the uterus reaches near the navel. Many people now feel movements.',
      tip: 'While you feel well, make a list of things to prepare for the birth.',
    },
  },
  {
    week: 21,
    ja: {
      baby: '羊水を飲んだり吐き出したりして、呼吸や消化の練習をしています。',
      body: 'お腹の皮膚がかゆくなったり、妊娠線が出たりすることがあります。',
      tip: '保湿は肌の乾燥やかゆみを和らげます。かゆみが強いときは受診を。',
      partner: '疲れている日は、マッサージや足をさする時間をつくってみましょう。',
    },
    en: {
      baby: 'The baby swallows and releases amniotic fluid, practising breathing and digestion.',
      body: 'The skin of the belly may itch, and stretch marks may appear.',
      tip: 'Moisturising can ease dryness and itching; see your doctor if itching is severe.',
    },
  },
  {
    week: 22,
    ja: {
      baby: 'まぶたや眉がはっきりし、顔立ちが整ってきます。',
      body: 'お腹の張りを感じることがあります。休んでもおさまらない張りや痛みは受診を。',
      tip: '出血、規則的なお腹の張りや痛み、破水かもと思ったら、すぐに産院へ連絡しましょう。',
      partner: '産院の電話番号と夜間の連絡方法を、あなたの携帯にも登録しておきましょう。',
    },
    en: {
      baby: 'Eyelids and eyebrows become distinct, and the face takes shape.',
      body: 'The belly may tighten at times. If it does not settle with rest or is painful, see your doctor.',
      tip: 'Bleeding, regular tightening or pain, or leaking fluid: call your maternity hospital straight away.',
    },
  },
  {
    week: 23,
    ja: {
      baby: '聴覚が発達し、声や音を聞いていると言われています。',
      body: 'むくみが出やすくなります。長時間同じ姿勢でいるのは避けましょう。',
      tip: '急なむくみ、頭痛、目のちかちかは、血圧が上がっているサインのことも。早めに受診を。',
      partner: 'お腹に向かって話しかけてみましょう。声は届いていると言われています。',
    },
    en: {
      baby: 'Hearing develops, and the baby is thought to hear voices and sounds.',
      body: 'Swelling becomes more common; avoid staying in one position for long.',
      tip: 'Sudden swelling, headache or flickering vision can mean high blood pressure. See your doctor soon.',
    },
  },
  {
    week: 24,
    ja: {
      baby: '体重は600gを超え、肺の中の細かな構造がつくられ始めます。',
      body: '妊娠糖尿病の検査が行われる時期です。結果は健診で説明を受けましょう。',
      tip: '妊娠7か月前後にアンケートや面談を案内する自治体もあります。届いた案内を確認しましょう。',
      partner: '自治体からの案内や書類を一緒に確認し、期限のあるものを共有しましょう。',
    },
    en: {
      baby: 'Over 600 g. The fine structure of the lungs begins to form.',
      body: 'A test for gestational diabetes is often done around now; ask about the result at your checkup.',
      tip: 'Some municipalities send a questionnaire or offer an interview around now; look out for it.',
    },
  },
  {
    week: 25,
    ja: {
      baby: '鼻の穴が開き、呼吸のような動きを練習しています。',
      body: 'お腹が大きくなり、息切れや胃もたれを感じやすくなります。',
      tip: '一度にたくさん食べるより、少量を数回に分けると楽なことがあります。',
      partner: '階段や坂道では、荷物を持ってゆっくり歩調を合わせましょう。',
    },
    en: {
      baby: 'The nostrils open, and breathing-like movements are practised.',
      body: 'As the belly grows, breathlessness and heartburn are common.',
      tip: 'Smaller meals more often may feel easier than a few large ones.',
    },
  },
  {
    week: 26,
    ja: {
      baby: '目を開けたり閉じたりし始めます。',
      body: '足がつりやすくなる人もいます。寝る前のストレッチが役に立つことがあります。',
      tip: '産休・育休の手続きと時期を職場に確認しましょう。パートナーの育休も選択肢です。',
      partner: 'あなた自身の育児休業や「産後パパ育休」の制度と手続きを職場に確認しましょう。',
    },
    en: {
      baby: 'The eyes begin to open and close.',
      body: 'Leg cramps are common; stretching before bed may help.',
      tip: 'Check maternity and parental leave procedures and timing with your employer; partners can take leave too.',
    },
  },
  {
    week: 27,
    ja: {
      baby: '体重は1kgに近づき、脳が大きく発達していきます。',
      body: '妊娠後期が近づき、疲れやすさが戻ってくる人もいます。',
      tip: '上の子がいる人は、出産時に預かってもらえる先を考えておきましょう。',
      partner: '出産時や入院中の上の子の世話、ペットの世話の段取りを決めておきましょう。',
    },
    en: {
      baby: 'Close to 1 kg; the brain is developing rapidly.',
      body: 'As the third trimester approaches, tiredness may return.',
      tip: 'If you have older children, plan who can look after them when you give birth.',
    },
  },
  {
    week: 28,
    ja: {
      baby: '体重は1kgを超え、まぶたを開けて光を感じられるようになってきます。',
      body: '妊娠後期に入りました。健診は2週に1回になることが多くなります。',
      tip: '出産・子育ての支援給付の案内や面談が、この時期にある自治体も。申請の期限を確認しましょう。',
      partner: '給付金の申請や面談の予定を一緒に確認し、必要な書類をそろえておきましょう。',
    },
    en: {
      baby: 'Over 1 kg; the eyes open and can sense light.',
      body: 'The third trimester begins. Checkups are usually every two weeks now.',
      tip: 'Many municipalities offer an interview and a support benefit around now; check how and by when to apply.',
    },
  },
  {
    week: 29,
    ja: {
      baby: '筋肉や神経が発達し、胎動が力強くなってきます。',
      body: 'お腹の重みで腰痛や恥骨の痛みが出ることがあります。',
      tip: '骨盤ベルトや抱き枕が楽になることも。使い方は助産師に相談できます。',
      partner: '夜、寝返りが大変そうなら、枕の位置を整えるなど手伝いましょう。',
    },
    en: {
      baby: 'Muscles and nerves develop, and movements become stronger.',
      body: 'The weight of the belly may cause back or pubic bone pain.',
      tip: 'A maternity belt or body pillow may help; a midwife can advise on using them.',
    },
  },
  {
    week: 30,
    ja: {
      baby: '体重は1.5kgほど。頭が下を向く子が増えていきます。',
      body: '眠りが浅くなったり、夜中にトイレで起きたりしやすくなります。',
      tip: '入院の準備品(母子健康手帳、保険証、診察券、下着など)をまとめ始めましょう。',
      partner: '入院バッグの置き場所と中身を一緒に確認しておきましょう。',
    },
    en: {
      baby: 'About 1.5 kg. More babies turn head-down from now.',
      body: 'Sleep may become lighter, with more trips to the toilet at night.',
      tip: 'Start packing your hospital bag: handbook, insurance card, patient card, underwear and so on.',
    },
  },
  {
    week: 31,
    ja: {
      baby: '肺や消化器などの働きが、生まれてからの準備に向けて整っていきます。',
      body: '子宮が胃を押し上げ、食後に苦しく感じることがあります。',
      tip: '陣痛が来たときの移動手段(タクシーの登録、陣痛タクシーなど)を決めておきましょう。',
      partner: '陣痛のとき誰がどう連絡し、どう移動するかを具体的に決めておきましょう。',
    },
    en: {
      baby: 'The lungs and digestive system keep maturing for life outside.',
      body: 'The uterus pushes up on the stomach, so meals may feel uncomfortable.',
      tip: 'Decide how you will get to hospital when labour starts, e.g. register with a maternity taxi service.',
    },
  },
  {
    week: 32,
    ja: {
      baby: '体重は2kg近くになり、皮下脂肪がついてふっくらしてきます。',
      body: '妊娠8か月の面談を行う自治体が多い時期です。出産後の暮らしを一緒に考えましょう。',
      tip: '8か月頃の面談では、産後に手伝ってくれる人や使えるサービスを整理しておくと役立ちます。',
      partner: '8か月頃の面談には、できれば一緒に参加しましょう。産後の役割分担を話す良い機会です。',
    },
    en: {
      baby: 'Nearly 2 kg, with fat filling out under the skin.',
      body: 'Many municipalities hold an interview around the eighth month to plan life after the birth.',
      tip: 'For the eighth-month interview, list who can help after the birth and which services you might use.',
    },
  },
  {
    week: 33,
    ja: {
      baby: '生まれた後の体温調節や呼吸の準備が進みます。',
      body: 'お腹が張りやすくなります。1時間に何度も張るときは産院に相談を。',
      tip: '赤ちゃんを迎える場所(寝る場所、おむつ替えの場所)を整えておきましょう。',
      partner: 'ベビーベッドの組み立てや部屋の片付けなど、力仕事を引き受けましょう。',
    },
    en: {
      baby: 'Preparations for breathing and keeping warm after birth continue.',
      body: 'The belly tightens more often; if it happens many times an hour, call your hospital.',
      tip: 'Get a sleeping place and a changing place ready at home.',
    },
  },
  {
    week: 34,
    ja: {
      baby: '肺の機能がかなり整ってきます。',
      body: '産休に入る人が多い時期です。体を休めることを優先しましょう。',
      tip: '出生届や健康保険、児童手当など、出産後の手続きを一覧にしておきましょう。',
      partner: '出生届、健康保険、児童手当の手続きは、あなたが担当できるものも多くあります。',
    },
    en: {
      baby: 'The lungs are now well developed.',
      body: 'Many people start maternity leave around now. Put rest first.',
      tip: 'List the procedures after the birth: birth registration, health insurance, child allowance.',
    },
  },
  {
    week: 35,
    ja: {
      baby: '体重は2.5kgほど。生まれる準備がほぼ整ってきます。',
      body: '体が重く、動くのがつらい日も。休み休み過ごしましょう。',
      tip: 'チャイルドシートの準備を。車で退院する場合は必ず使います。',
      partner: 'チャイルドシートを車に取り付ける練習をしておきましょう。',
    },
    en: {
      baby: 'About 2.5 kg and nearly ready to be born.',
      body: 'Your body feels heavy and moving can be tiring; rest often.',
      tip: 'Get a child car seat ready; it is required if you leave hospital by car.',
    },
  },
  {
    week: 36,
    ja: {
      baby: '頭が骨盤の方へ下がり始める子もいます。',
      body: '健診が週1回になります。胃の圧迫が和らぐ一方、トイレが近くなることも。',
      tip: '破水したらナプキンを当てて産院に電話を。入浴はせずに指示を待ちましょう。',
      partner: 'いつでも連絡がつくよう、この時期は携帯電話の充電と予定をこまめに確認しましょう。',
    },
    en: {
      baby: 'Some babies begin to move down towards the pelvis.',
      body: 'Checkups become weekly. Breathing may get easier while toilet trips increase.',
      tip: 'If your waters break, use a pad, call the hospital and do not take a bath until told.',
    },
  },
  {
    week: 37,
    ja: {
      baby: '正期産の時期に入りました。いつ生まれてもよい状態に近づいています。',
      body: '前駆陣痛といって、不規則なお腹の張りや痛みが起こることがあります。',
      tip: '陣痛の間隔を記録できるよう、アプリやメモを用意しておきましょう。',
      partner: '陣痛が始まったら、間隔の記録や連絡役を引き受けましょう。',
    },
    en: {
      baby: 'Full term begins. The baby could be born any time now.',
      body: 'Irregular tightening or pains, called false labour, may happen.',
      tip: 'Have an app or notepad ready to time contractions.',
    },
  },
  {
    week: 38,
    ja: {
      baby: '体重は3kg前後。外の世界に出る準備をしています。',
      body: 'おしるし(少量の出血)がある人もいます。多量の出血は急いで連絡を。',
      tip: '産後しばらくの食事や買い物の手段(宅配など)を決めておくと安心です。',
      partner: '産後すぐの数週間、家事をどう回すか具体的に計画しておきましょう。',
    },
    en: {
      baby: 'Around 3 kg and getting ready for the outside world.',
      body: 'A small “show” of blood may appear; call at once if bleeding is heavy.',
      tip: 'Plan meals and shopping for the first weeks after the birth, such as deliveries.',
    },
  },
  {
    week: 39,
    ja: {
      baby: '生まれるときに備えて、頭が骨盤の中へ下がっていきます。',
      body: '出産が近いと思うと、不安と期待が入りまじる頃です。',
      tip: '気になることは次の健診でまとめて聞けるよう、メモしておきましょう。',
      partner: '不安を口にしてもらえたら、解決しようとするより、まず聞き役になりましょう。',
    },
    en: {
      baby: 'The head settles lower into the pelvis, ready for birth.',
      body: 'With the birth near, worry and anticipation can mix.',
      tip: 'Write down questions so you can ask them together at your next checkup.',
    },
  },
  {
    week: 40,
    ja: {
      baby: '出産予定日の週です。予定日に生まれるのは一部で、前後するのが普通です。',
      body: '予定日を過ぎても、健診で様子を見ながら待つことが多いです。',
      tip: '胎動がいつもより少ないと感じたら、遠慮せず産院に連絡しましょう。',
      partner: '予定日が過ぎても焦らせないように。「いつ生まれるの?」より「体調どう?」を。',
    },
    en: {
      baby: 'Your due date week. Only some babies arrive on the day; a little before or after is normal.',
      body: 'If the date passes, your doctor will usually keep checking while you wait.',
      tip: 'If the baby seems to move less than usual, call your hospital without hesitating.',
    },
  },
  {
    week: 41,
    ja: {
      baby: '予定日を過ぎても、健診で赤ちゃんの元気さを確かめながら待ちます。',
      body: '入院や分娩の進め方について、医師から説明がある時期です。',
      tip: '説明でわからないことは、その場で質問して大丈夫です。家族と一緒に聞きましょう。',
      partner: '医師の説明には、できるだけ一緒に行きましょう。決めることを二人で考えられます。',
    },
    en: {
      baby: 'After the due date, checkups confirm the baby is doing well while you wait.',
      body: 'Your doctor will explain options for admission and how the birth may be managed.',
      tip: 'Ask about anything unclear on the spot; it helps to have someone with you.',
    },
  },
]
