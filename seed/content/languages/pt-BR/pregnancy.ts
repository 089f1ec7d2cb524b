// Português do Brasil: pregnancy, one row per four weeks (a row holds until the next one).

import type { PregnancyRow } from '../../language-content'

export const pregnancy: PregnancyRow[] = [
  {
    week: 4,
    baby: 'O óvulo fecundado se fixa no revestimento do útero, e começam a se formar os tecidos que darão origem à placenta e ao cordão umbilical.',
    body: 'Muitas pessoas percebem pelo atraso da menstruação. Sono, cansaço ou sensação de febre baixa são comuns.',
    tip: 'Se o teste de gravidez der positivo, confirme com um obstetra. Não pare por conta própria nenhum remédio que esteja tomando: fale antes com o médico.',
  },
  {
    week: 8,
    baby: 'O bebê mede cerca de 1,5 cm. As bases dos principais órgãos estão se formando.',
    body: 'Os enjoos podem começar. Comer um pouco do que conseguir, quando conseguir, já está bom.',
    tip: 'Ao entregar a notificação de gravidez na prefeitura, você recebe a Caderneta de Saúde Materno-Infantil e os vales para as consultas de pré-natal, geralmente com uma entrevista.',
  },
  {
    week: 12,
    baby: 'O bebê mede cerca de 6 cm. A forma básica dos órgãos internos vai se completando.',
    body: 'Para algumas pessoas os enjoos diminuem; para outras, continuam. Cada gravidez é diferente.',
    tip: 'Se tiver dúvidas sobre exames pré-natais, pergunte ao seu médico. Anotar as perguntas antes ajuda.',
  },
  {
    week: 16,
    baby: 'Os ossos ficam mais firmes, e o bebê mexe muito os braços e as pernas.',
    body: 'Começa a fase chamada de “estável”, e a barriga começa a aparecer. Mesmo assim, não exagere.',
    tip: 'Veja as datas do curso para futuros pais e faça a inscrição. Lá dá para treinar o banho e a troca de fraldas.',
  },
  {
    week: 20,
    baby: 'O bebê pesa cerca de 300 g. Começam a crescer cabelos e unhas.',
    body: 'O útero chega perto da altura do umbigo, e mais pessoas começam a sentir o bebê mexer.',
    tip: 'Em um dia em que estiver bem, faça uma lista do que preparar para o bebê. Depois fica mais fácil.',
  },
  {
    week: 24,
    baby: 'O bebê passa de 600 g, e as estruturas finas dos pulmões começam a se formar.',
    body: 'Nesta fase costuma ser feito o exame de diabetes gestacional. Os pés incham com facilidade: evite ficar muito tempo na mesma posição.',
    tip: 'Algumas prefeituras enviam um questionário ou convite para entrevista por volta do 7º mês. Fique de olho na correspondência.',
  },
  {
    week: 28,
    baby: 'O bebê passa de 1 kg e começa a abrir os olhos e perceber a luz.',
    body: 'Começa o terceiro trimestre. As consultas de pré-natal costumam passar a ser a cada duas semanas.',
    tip: 'Algumas prefeituras orientam nesta fase sobre o auxílio para o parto e a criação dos filhos. Confira os prazos.',
  },
  {
    week: 32,
    baby: 'O bebê pesa quase 2 kg e fica mais gordinho com a gordura sob a pele.',
    body: 'A barriga endurece com frequência. Se endurecer várias vezes em uma hora, ligue para a maternidade.',
    tip: 'Pense em quem poderá ajudar depois do parto e em quais serviços existem. Isso ajuda na entrevista do 8º mês.',
  },
  {
    week: 36,
    baby: 'Em alguns bebês, a cabeça começa a descer em direção à pelve.',
    body: 'As consultas passam a ser semanais. O estômago fica menos apertado, mas a vontade de urinar pode aumentar.',
    tip: 'Se a bolsa romper, use um absorvente e ligue para a maternidade. Não tome banho e aguarde as orientações.',
  },
  {
    week: 40,
    baby: 'É a semana da data prevista do parto. Poucos bebês nascem exatamente na data; nascer alguns dias antes ou depois é normal.',
    body: 'Depois da data prevista, o médico costuma acompanhar com consultas e esperar.',
    tip: 'Se sentir o bebê mexer menos que o normal, não hesite: ligue logo para a maternidade.',
  },
]
