// Tagalog: after a reported loss. Gentle, no congratulations, nothing about development.

import type { LossRow } from '../../language-content'

const row = (day: number, primary: string[]): LossRow => ({ day, texts: { primary } })

export const loss: LossRow[] = [
  row(1, [
    '{{nickname}}, taos-puso kaming nakikiramay sa inyong pagkawala.',
    'Sa ngayon, unahin ang pahinga ng inyong katawan at isip. Hindi ninyo kailangang magpasya ng anuman, o magpaliwanag kaninuman.',
    'Sa ilang panahon, mas madalang at mas maikli ang mga mensaheng ito. Maaari ninyong i-pause o itigil ang mga ito anumang oras sa settings.',
  ]),
  row(3, [
    'Lungkot, galit, pagsisi sa sarili, o walang maramdaman: lahat ng ito ay natural na reaksyon sa ganitong panahon.',
    'Kailangan ng katawan ng panahon para gumaling. Kung malakas ang pagdurugo, may lagnat, o matindi ang sakit, makipag-ugnayan agad sa ospital o klinika.',
  ]),
  row(7, [
    'Isang linggo na ang lumipas. Kahit may mabuting intensyon, minsan nakakasakit pa rin ang mga salita ng ibang tao.',
    'Kung may mapagsasabihan kayo, kahit kaunti, magkuwento kayo. Handang makinig ang mga public health nurse sa {{deskName}}.',
  ]),
  row(14, [
    'Dumarating at umaalis ang damdamin na parang alon. May mga araw na mas magaan at may mga araw na mas mabigat, at ayos lang iyon.',
    'May mga grupo ng mga pamilyang nakaranas ng ganito, at may mga espesyal na linya para sa konsultasyon. Magtanong sa {{deskName}} kung gusto ninyong malaman.',
  ]),
  row(30, [
    'Isang buwan na ang lumipas. Kung hindi pa rin kayo makatulog o makakain, sabihin ito sa doktor o sa {{deskName}}.',
    'Kung may hindi malinaw tungkol sa kalusugan o mga papeles, maaari natin itong tingnan nang magkasama. Maaari rin kayong gumamit ng suporta tulad ng postpartum care.',
  ]),
  row(60, [
    'Ito na ang huling mensahe sa seryeng ito.',
    'Kapag nahihirapan kayo o gusto ninyong may makausap, makipag-ugnayan anumang oras sa {{deskName}} ({{deskPhone}}, {{deskHours}}). Laging may nagmamalasakit sa inyo.',
  ]),
]
