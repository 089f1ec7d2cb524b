// Português do Brasil: the child's first three years, one row per span of months. Schedules
// follow Japan's routine programme in general terms; the prefeitura's letter and the doctor decide.

import type { ChildRow } from '../../language-content'

export const child: ChildRow[] = [
  {
    month: 0,
    development:
      'O bebê passa os dias dormindo, chorando e mamando. Há reflexos de nascença, como agarrar um dedo.',
    care: 'Alimente quando o bebê quiser. Para dormir, coloque-o de barriga para cima, sem nada macio ao redor.',
    checkups:
      'Registre o nascimento em até 14 dias, contando o dia do nascimento. Por volta de 1 mês há a consulta de 1 mês.',
  },
  {
    month: 1,
    development: 'O bebê fixa o olhar em coisas próximas e reage a sons.',
    care: 'Compare a cor das fezes com a cartela de cores da Caderneta. Se ficarem claras por vários dias, procure um médico.',
    checkups: 'É a época da consulta de 1 mês. Planeje com o médico as vacinas que começam aos 2 meses.',
  },
  {
    month: 2,
    development: 'O bebê sorri quando você brinca e faz sons como “aaa” e “uuu”.',
    care: 'Já dá para começar passeios curtos ao ar livre. Evite o sol direto.',
    checkups:
      'A partir dos 2 meses começam as vacinas de rotina (5 em 1: difteria, tétano, coqueluche, pólio e Hib; pneumocócica; hepatite B; rotavírus). Confirme as datas pelo aviso da prefeitura e com o médico.',
  },
  {
    month: 3,
    development: 'Muitos bebês começam a firmar o pescoço e olham fixamente para as próprias mãos.',
    care: 'Alguns bebês dormem longos períodos à noite, outros não. Descanse também durante o dia.',
    checkups:
      'É a época da consulta de 3–4 meses, e as vacinas continuam. Confira as datas no aviso da prefeitura.',
  },
  {
    month: 5,
    development: 'Alguns bebês começam a rolar e tentam pegar brinquedos.',
    care: 'Cuidado para o bebê não cair do sofá ou da cama.',
    checkups:
      'A vacina BCG costuma ser aplicada entre 5 e 8 meses. A forma de aplicação varia conforme a prefeitura.',
  },
  {
    month: 6,
    development: 'Alguns bebês já sentam com apoio e começam a reconhecer rostos.',
    care: 'É hora de começar a introdução alimentar. Não dê mel antes de 1 ano.',
    checkups:
      'Algumas prefeituras ou clínicas fazem a consulta de 6–7 meses. A 3ª dose da hepatite B também se aproxima.',
  },
  {
    month: 9,
    development: 'Alguns bebês ficam de pé com apoio, e os sons que fazem ficam mais variados.',
    care: 'Guarde remédios, pilhas e objetos pequenos no alto, fora do alcance do bebê.',
    checkups: 'É a época da consulta de 9–10 meses. Planeje também as vacinas a partir de 1 ano.',
  },
  {
    month: 12,
    development:
      'Algumas crianças ficam de pé sozinhas ou começam a andar; algumas falam as primeiras palavras.',
    care: 'No começo da caminhada, as quedas são fáceis. Atenção às quinas dos móveis.',
    checkups:
      'A partir de 1 ano: sarampo e rubéola (MR) 1ª dose, catapora 1ª dose e reforços da pneumocócica e da 5 em 1.',
  },
  {
    month: 15,
    development: 'A criança anda com mais firmeza e começa a querer “fazer sozinha”.',
    care: 'Leiam livros ilustrados juntos todos os dias. Um pouco de tempo já basta.',
    checkups:
      'A 2ª dose de catapora é dada pelo menos 3 meses após a 1ª. Confira também o reforço da 5 em 1.',
  },
  {
    month: 18,
    development: 'O vocabulário cresce aos poucos. O ritmo varia muito de criança para criança.',
    care: 'A criança corre e sobe degraus. Deixe-a brincar e se movimentar ao ar livre.',
    checkups: 'É a época da consulta de 1 ano e 6 meses, muitas vezes com avaliação odontológica.',
  },
  {
    month: 24,
    development: '2 anos. O vocabulário aumenta rápido, e às vezes vem o “por quê?”.',
    care: 'É a fase do “não”. Tente colocar em palavras o que a criança está sentindo.',
    checkups:
      'Algumas prefeituras fazem avaliação odontológica aos 2 anos. Ter um dentista de confiança traz tranquilidade.',
  },
  {
    month: 30,
    development: 'Algumas crianças já dizem o próprio nome e a idade.',
    care: 'Na rua, ande de mãos dadas com a criança. No carro, use sempre a cadeirinha.',
    checkups:
      'Algumas prefeituras fazem avaliação odontológica por volta de 2 anos e 6 meses. Fique atento ao aviso.',
  },
  {
    month: 33,
    development: 'Os “por quês?” aumentam, e o interesse pelo mundo ao redor cresce.',
    care: 'A criança faz mais coisas sozinha, como se vestir. Não apresse: espere com paciência.',
    checkups: 'Deve chegar o aviso da consulta de 3 anos. Ela inclui exames de visão e audição.',
  },
  {
    month: 36,
    development: '3 anos. A criança começa a contar em palavras o que sente e o que viveu.',
    care: 'Elogie com palavras o que a criança conseguiu fazer.',
    checkups:
      'É a época da consulta de 3 anos e da vacina contra a encefalite japonesa (1ª fase). Confirme pelo aviso da prefeitura e com o médico.',
  },
]
