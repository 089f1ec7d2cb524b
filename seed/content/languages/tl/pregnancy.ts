// Tagalog: pregnancy, one row per four weeks (a row holds until the next one).

import type { PregnancyRow } from '../../language-content'

export const pregnancy: PregnancyRow[] = [
  {
    week: 4,
    baby: 'Kumakapit ang embryo sa lining ng matris, at nagsisimulang mabuo ang mga tissue na magiging inunan at pusod.',
    body: 'Marami ang nakakapansin dahil naantala ang regla. Maaaring makaramdam ng antok, pagod, o bahagyang lagnat.',
    tip: 'Kapag positibo ang pregnancy test, magpatingin sa OB-GYN para makumpirma. Kung may iniinom kayong gamot, huwag itong basta itigil; magtanong muna sa doktor.',
  },
  {
    week: 8,
    baby: 'Mga 1.5 cm na ang haba ng sanggol. Nabubuo na ang pundasyon ng mga pangunahing organ.',
    body: 'Maaaring magkaroon ng morning sickness. Sapat na ang kumain nang paunti-unti ng kaya ninyong kainin, kapag kaya ninyo.',
    tip: 'Kapag nagsumite kayo ng abiso ng pagbubuntis sa munisipyo, bibigyan kayo ng Mother and Child Health Handbook at mga tiket para sa prenatal check-up, at kadalasan may kasamang pakikipag-usap.',
  },
  {
    week: 12,
    baby: 'Mga 6 cm na ang haba ng sanggol. Unti-unting nabubuo ang hugis ng mga internal organ.',
    body: 'May ilang gumagaan na ang morning sickness, at may ilang hindi pa. Iba-iba ang bawat isa.',
    tip: 'Kung may alalahanin kayo tungkol sa mga prenatal test, magtanong sa inyong doktor. Makakatulong kung isusulat muna ang mga gusto ninyong itanong.',
  },
  {
    week: 16,
    baby: 'Unti-unting tumitibay ang mga buto ng sanggol, at madalas nang gumagalaw ang mga kamay at paa.',
    body: 'Ito ang panahong madalas tawaging "stable", at nagsisimula nang lumaki ang tiyan. Gayunman, huwag magpakapagod.',
    tip: 'Tingnan ang iskedyul ng klase para sa mga magiging magulang at magpalista nang maaga. Maaari ninyong sanayin ang pagpapaligo at pagpapalit ng diaper.',
  },
  {
    week: 20,
    baby: 'Mga 300 g na ang timbang ng sanggol, at nagsisimulang tumubo ang buhok at kuko.',
    body: 'Lumalaki ang matris hanggang halos sa tapat ng pusod. Marami ang nagsisimulang maramdaman ang galaw ng sanggol.',
    tip: 'Sa mga araw na maganda ang pakiramdam, gumawa ng listahan ng mga kailangan ng sanggol. Mas gagaan ito para sa inyo mamaya.',
  },
  {
    week: 24,
    baby: 'Higit 600 g na ang timbang ng sanggol, at nagsisimulang mabuo ang maliliit na bahagi ng baga.',
    body: 'Sa panahong ito kadalasan ginagawa ang test para sa gestational diabetes. Madaling mamaga ang paa, kaya iwasang manatili nang matagal sa iisang posisyon.',
    tip: 'May ilang munisipyo na nagpapadala ng questionnaire o nag-aanyaya sa pakikipag-usap sa bandang ika-7 buwan. Basahing mabuti ang mga sulat na dumarating.',
  },
  {
    week: 28,
    baby: 'Higit 1 kg na ang timbang ng sanggol. Nagsisimula itong magmulat ng mata at makaramdam ng liwanag.',
    body: 'Nasa huling tatlong buwan na kayo. Kadalasan nagiging tuwing 2 linggo na ang prenatal check-up.',
    tip: 'May ilang munisipyo na nagbibigay ng gabay sa pag-apply para sa tulong-pinansyal sa panganganak at pagpapalaki ng anak sa panahong ito. Tingnan ang deadline.',
  },
  {
    week: 32,
    baby: 'Halos 2 kg na ang timbang ng sanggol. Nadaragdagan ang taba sa ilalim ng balat kaya mas bilugan na ito.',
    body: 'Madalas tumigas ang tiyan. Kung ilang beses itong tumigas sa loob ng isang oras, tawagan ang lugar kung saan kayo manganganak.',
    tip: 'Pag-isipan na kung sino ang makakatulong sa inyo pagkatapos manganak at kung anong mga serbisyo ang mayroon. Malaking tulong ito sa pakikipag-usap sa ika-8 buwan.',
  },
  {
    week: 36,
    baby: 'Sa ilang sanggol, nagsisimula nang bumaba ang ulo malapit sa balakang.',
    body: 'Nagiging lingguhan na ang prenatal check-up. Maaaring gumaan ang sikmura, pero maaaring mas madalas umihi.',
    tip: 'Kung pumutok ang panubigan, maglagay ng napkin at tawagan ang lugar kung saan kayo manganganak. Huwag maligo; hintayin ang kanilang payo.',
  },
  {
    week: 40,
    baby: 'Ito ang linggo ng inyong due date. Kaunti lang ang sanggol na ipinapanganak mismo sa due date; normal ang ilang araw na mas maaga o mas huli.',
    body: 'Kapag lumampas na sa due date, kadalasan tinitingnan ng doktor ang kalagayan ninyo at naghihintay habang binabantayan.',
    tip: 'Kung mas kaunti ang galaw ng sanggol kaysa karaniwan, huwag mahiya; makipag-ugnayan agad sa lugar kung saan kayo manganganak.',
  },
]
