// Tagalog: the child's first three years, one row per span of months. Schedules follow
// Japan's routine programme in general terms; the municipality's letter and the doctor decide.

import type { ChildRow } from '../../language-content'

export const child: ChildRow[] = [
  {
    month: 0,
    development:
      'Halos puro tulog, iyak at dede ang sanggol. May mga likas na reflex siya, tulad ng mahigpit na paghawak sa daliri.',
    care: 'Padedehin ang sanggol kapag gusto niya. Sa pagtulog, ihiga siya nang patihaya at huwag maglagay ng malalambot na bagay sa paligid niya.',
    checkups:
      'Kailangang isumite ang birth registration sa loob ng 14 na araw, kasama ang araw ng kapanganakan. Sa bandang 1 buwan, may 1-month health check-up.',
  },
  {
    month: 1,
    development: 'Tinititigan ng sanggol ang mga bagay na malapit, at tumutugon siya sa mga tunog.',
    care: 'Ikumpara ang kulay ng dumi ng sanggol sa stool color card sa Mother and Child Health Handbook. Kung maputla ang kulay nang ilang araw, magpatingin sa doktor.',
    checkups:
      'Panahon na ng 1-month check-up. Nagsisimula ang bakuna sa 2 buwan, kaya magplano kasama ang doktor.',
  },
  {
    month: 2,
    development: 'Ngumingiti ang sanggol kapag kinakausap, at gumagawa ng mga tunog na "a" at "u".',
    care: 'Maaari nang ilabas sandali ang sanggol para mamasyal. Iwasan ang direktang sikat ng araw.',
    checkups:
      'Mula 2 buwan nagsisimula ang regular na bakuna (5-in-1, pneumococcal, hepatitis B, rotavirus). Tiyakin ang iskedyul ayon sa abiso ng munisipyo at sa doktor.',
  },
  {
    month: 3,
    development:
      'Sa maraming sanggol, nagsisimula nang tumibay ang leeg, at madalas nilang tinititigan ang sariling kamay.',
    care: 'May sanggol na mahaba ang tulog sa gabi, at may hindi. Magpahinga rin kayo kahit sa araw.',
    checkups:
      'Panahon na ng 3–4 month check-up, at tuloy pa ang mga bakuna. Tingnan ang iskedyul sa abiso ng munisipyo.',
  },
  {
    month: 5,
    development: 'May ilang sanggol na nagsisimulang dumapa at umabot ng laruan.',
    care: 'Mag-ingat na hindi mahulog ang sanggol mula sa sofa o kama.',
    checkups: 'Kadalasan ibinibigay ang BCG sa edad na 5–8 buwan. Iba-iba ang paraan depende sa munisipyo.',
  },
  {
    month: 6,
    development: 'May sanggol na nakakaupo kapag inaalalayan, at nagsisimulang makilala ang mga kakilala.',
    care: 'Maaari nang simulan ang pagpapakain ng solid food. Huwag bigyan ng honey ang batang wala pang 1 taon.',
    checkups:
      'May 6–7 month check-up sa ilang munisipyo o klinika. Malapit na rin ang ikatlong dosis ng hepatitis B.',
  },
  {
    month: 9,
    development:
      'May sanggol na nagsisimulang tumayo nang may hinahawakan, at mas marami nang tunog na nagagawa.',
    care: 'Ilagay ang gamot, baterya at maliliit na bagay sa mataas na lugar na hindi maaabot ng bata.',
    checkups: 'Panahon na ng 9–10 month check-up. Simulan nang planuhin ang mga bakuna mula 1 taon.',
  },
  {
    month: 12,
    development:
      'May batang nakakatayo nang mag-isa o nagsisimulang maglakad, at may nagsisimulang magsalita ng mga salitang may kahulugan.',
    care: 'Madalas madapa ang batang bagong natututong maglakad. Mag-ingat sa mga kanto ng muwebles.',
    checkups:
      'Mula 1 taon, panahon na ng unang dosis ng measles-rubella (MR), unang dosis ng chickenpox, at ng booster ng pneumococcal at 5-in-1.',
  },
  {
    month: 15,
    development: 'Mas matatag na ang lakad ng bata, at nagsisimula siyang gustong "gawin nang mag-isa".',
    care: 'Magbasa ng picture book kasama ang bata araw-araw. Kahit sandali lang ay ayos na.',
    checkups:
      'Ang ikalawang dosis ng chickenpox ay hindi bababa sa 3 buwan pagkatapos ng una. Tingnan din ang booster ng 5-in-1.',
  },
  {
    month: 18,
    development: 'Unti-unting dumarami ang alam na salita. Malaki ang pagkakaiba ng bilis sa bawat bata.',
    care: 'Tumatakbo at umaakyat na sa hagdan ang bata. Hayaan siyang gumalaw sa labas.',
    checkups: 'Panahon na ng 1 taon at 6 na buwang check-up, kadalasan may kasamang pagsusuri ng ngipin.',
  },
  {
    month: 24,
    development:
      '2 taon na ang bata. Mabilis dumarami ang alam na salita, at minsan nagtatanong siya ng "bakit?".',
    care: 'Ito ang panahong madalas siyang magsabi ng "ayaw". Subukang isalita ang nararamdaman niya.',
    checkups:
      'May dental check-up sa edad na 2 sa ilang munisipyo. Mas panatag kung may kilala kayong dentista.',
  },
  {
    month: 30,
    development: 'May batang nasasabi na ang sariling pangalan at edad.',
    care: 'Kapag nasa labas, hawakan ang kamay ng bata habang naglalakad. Sa kotse, laging gumamit ng child seat.',
    checkups: 'May dental check-up sa bandang 2 taon at 6 na buwan sa ilang munisipyo. Tingnan ang abiso.',
  },
  {
    month: 33,
    development:
      'Mas madalas nang magtanong ng "bakit?" ang bata, at interesado siya sa mundo sa paligid niya.',
    care: 'Mas marami na siyang nagagawa nang mag-isa, tulad ng pagbibihis. Huwag siyang madaliin; maghintay nang may pasensya.',
    checkups:
      'Malapit na ninyong matanggap ang abiso para sa 3-year check-up. May pagsusuri rin ng paningin at pandinig.',
  },
  {
    month: 36,
    development:
      '3 taon na ang bata. Unti-unti na niyang naisasalita ang nararamdaman at ang mga naranasan niya.',
    care: 'Isalita ang mga bagay na nagagawa niya at purihin siya.',
    checkups:
      'Panahon na ng 3-year check-up at ng bakuna laban sa Japanese encephalitis (unang yugto). Tiyakin ito ayon sa abiso ng munisipyo at sa doktor.',
  },
]
