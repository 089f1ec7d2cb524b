// Português do Brasil: the daily topics, one text per era.

import { type TopicContent, primaryTopic as topic } from '../../language-content'

export const topics: TopicContent[] = [
  topic('feelings', 'Sentimentos', [
    'Preocupação ou choro repentino também vêm das mudanças no corpo. Quando estiver difícil, não guarde isso só para você: converse com alguém.',
    'Depois do parto, o humor costuma ficar mais baixo. Se o choro ou a falta de sono continuarem, peça ajuda cedo.',
    'Lidar com a fase do “não” é muito cansativo. Ter dias que não dão certo é normal.',
  ]),
  topic('couple', 'Você e sua família', [
    'Diga com clareza do que precisa, por exemplo: “pode fazer isto para mim?”. Pedidos concretos facilitam a ajuda.',
    'Nem que sejam 5 minutos por dia, reserve um tempo para conversar com quem mora com você.',
    'Combinem em família como reagir às birras. A criança se acalma mais fácil quando a resposta é a mesma.',
  ]),
  topic('food', 'Alimentação', [
    'Na gravidez, é melhor evitar carne crua e queijos não pasteurizados.',
    'Se a quantidade de leite preocupar você, pergunte na consulta.',
    'Não dê castanhas nem grãos a crianças de até 5 anos. Corte tomatinhos e uvas em pedaços pequenos e deixe a criança sentada para comer.',
  ]),
  topic('rest', 'Sono e descanso', [
    'Quando se cansar, deite e descanse. No fim da gravidez, é comum o sono ficar mais leve.',
    'Quando o bebê dormir, aproveite para dormir um pouco também.',
    'Seu descanso também é importante. Revezem os cuidados com a criança em família.',
  ]),
  topic('procedures', 'Dinheiro e trâmites', [
    'A prefeitura oferece auxílios e benefícios para o parto e a criação dos filhos. Pergunte no balcão de atendimento.',
    'O registro de nascimento, o seguro de saúde e o auxílio infantil têm prazos. Faça os trâmites cedo.',
    'As inscrições para creche e cuidado temporário têm época certa. Veja os avisos mais recentes de {{tenantName}}.',
  ]),
  topic('local', 'Apoio local', [
    '{{tenantName}} tem um lugar onde você pode tirar dúvidas desde a gravidez.',
    'Existem serviços como os cuidados pós-parto, que ajudam você a descansar e se recuperar.',
    'Nos espaços de convivência para pais e crianças, você pode conhecer outras famílias.',
  ]),
]
