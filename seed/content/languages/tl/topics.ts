// Tagalog: the daily topics, one text per era.

import { type TopicContent, primaryTopic as topic } from '../../language-content'

export const topics: TopicContent[] = [
  topic('feelings', 'Damdamin', [
    'Ang pag-aalala o biglaang pagluha ay bahagyang dulot ng pagbabago ng katawan. Kapag nahihirapan, huwag itong sarilinin; magkuwento sa isang tao.',
    'Pagkatapos manganak, madaling bumaba ang pakiramdam. Kung matagal na kayong laging umiiyak o hindi makatulog, humingi agad ng tulong.',
    'Talagang nakakapagod ang panahong laging "ayaw" ang sagot ng bata. Normal lang na may mga araw na hindi maayos ang takbo.',
  ]),
  topic('couple', 'Kayo at pamilya', [
    'Sabihin nang malinaw ang kailangan ninyo, halimbawa "pakigawa nga ito". Mas madaling tumulong ang iba kapag tiyak ang hiling.',
    'Kahit 5 minuto lang araw-araw, maglaan ng oras para makipag-usap sa inyong pamilya.',
    'Pag-usapan muna sa pamilya kung paano tutugon kapag nagwawala ang bata. Mas madali siyang kumalma.',
  ]),
  topic('food', 'Pagkain', [
    'Habang buntis, iwasan ang hilaw na karne at keso na hindi pasteurized.',
    'Kung nag-aalala kayo kung sapat ang nadedede ng sanggol, magtanong sa health check-up.',
    'Huwag bigyan ng mani at iba pang buto ang batang wala pang 5 taong gulang. Hatiin nang maliliit ang cherry tomato at ubas, at paupuin ang bata habang kumakain.',
  ]),
  topic('rest', 'Tulog at pahinga', [
    'Kapag pagod, humiga at magpahinga. Karaniwan din ang hindi mahimbing na tulog sa huling bahagi ng pagbubuntis.',
    'Kapag natutulog ang sanggol, matulog din kayo kahit sandali.',
    'Mahalaga rin ang sarili ninyong oras ng pahinga. Magpalitan sa pag-aalaga ng bata kasama ang pamilya.',
  ]),
  topic('procedures', 'Bayad at papeles', [
    'May mga tulong at benepisyo ang munisipyo para sa panganganak at pagpapalaki ng anak. Magtanong sa counter.',
    'May deadline ang pagpaparehistro ng kapanganakan, health insurance, at child allowance. Asikasuhin ang mga ito nang maaga.',
    'May takdang panahon ang pag-apply sa daycare at pansamantalang pag-aalaga ng bata. Tingnan ang pinakabagong abiso ng {{tenantName}}.',
  ]),
  topic('local', 'Suporta sa bayan', [
    'May lugar sa {{tenantName}} kung saan maaari kayong kumonsulta mula pa sa pagbubuntis.',
    'May mga serbisyo tulad ng postpartum care na tumutulong sa inyong makapagpahinga at gumaling.',
    'Sa mga lugar para sa mga magulang at maliliit na bata, maaari kayong makakilala ng ibang pamilya.',
  ]),
]
