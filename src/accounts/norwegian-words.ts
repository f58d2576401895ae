/**
 * Norwegian words and names people build passwords from, for the strength estimator (zxcvbn-ts
 * has no Norwegian dictionary). Written for Samklang; roughly most likely first, because the
 * estimator counts a word's place in its list as the guesses an attacker needs to reach it.
 * Lower case; æ, ø and å also appear spelt ae, o and a, as people type them on foreign keyboards.
 */
const WORDS = `
passord hemmelig sommer vinter host høst var vår norge oslo bergen trondheim stavanger tromsø
kristiansand drammen fredrikstad skien sandnes ålesund bodø haugesund tønsberg moss sandefjord
arendal hamar larvik halden lillehammer molde harstad gjøvik kongsberg narvik alta hammerfest
kirkenes lofoten finnmark troms nordland vestland rogaland agder viken innlandet telemark
hjemme familie mamma pappa mormor morfar farmor farfar bestemor bestefar barna datter sønn
kjæreste kjaereste elskling elsker elskerdeg jegelskerdeg glad lykke lykkelig venn venner
hjerte kjærlighet kjaerlighet skatt prinsesse prins engel stjerne sol solskinn måne mane himmel
januar februar mars april mai juni juli august september oktober november desember
mandag tirsdag onsdag torsdag fredag lørdag lordag søndag sondag helg ferie jul julaften
påske paske nyttår nyttar bursdag fødselsdag
hund katt hest ku gris sau geit elg rein ulv bjørn bjorn rev hare fugl ørn orn fisk laks torsk
hvit svart rød rod blå bla grønn gronn gul oransje lilla rosa brun grå gra
fotball håndball handball ski skiløp langrenn hopp slalom sykkel tur fjell fjord skog sjø sjo hav
strand hytte båt bat bil traktor huset hus hjem gård gard by land
rosenborg brann vålerenga valerenga molde bodøglimt glimt viking lillestrøm lillestrom odd
tromsø strømsgodset stromsgodset sarpsborg haugesund aalesund start lyn
velkommen hei hallo takk morn morna ha det hadet heisann god dag natt morgen kveld
musikk musikkterapi terapi sang synge spille gitar piano trommer kor band konsert
samklang helse rus psykisk helsetjeneste kommune sykehus lege sykepleier jobb arbeid kontor
skole barnehage universitet student lærer laerer
brunost lefse lutefisk pølse polse taco pizza kaffe øl ol vin akevitt sjokolade kake vaffel
ola kari per anne jan inger ole kristin lars marit hans ingrid knut liv bjørn bjorn astrid
arne berit svein hilde odd randi terje solveig geir tone tor ragnhild kjell eva rune bente
morten hanne trond elisabeth erik heidi thomas silje martin ida andreas marte jonas nora
emma sofie sofia ella olivia leah frida maja emilie sara nora ingrid hedda selma julie
jakob jakob emil filip noah william lucas oskar oliver henrik aksel magnus sander mathias
kristian jens even sindre tobias elias isak theodor johannes markus adrian sebastian
nordmann hansen johansen olsen larsen andersen pedersen nilsen kristiansen jensen karlsen
johnsen pettersen eriksen berg haugen hagen johannessen andreassen jacobsen dahl jørgensen
halvorsen henriksen lund sørensen sorensen jakobsen moen gundersen iversen strand solberg
svendsen eide knutsen martinsen paulsen bakken kristoffersen mathisen lie amundsen nguyen
heia heiaheia norgemester vm os ol gull seier vinner best beste sterk sterkest
qwertyuiopå asdfghjkløæ zxcvbnm æøå aeoa
`;

let words: string[] | undefined;

export function norwegianWords(): string[] {
  words ??= [...new Set(WORDS.split(/\s+/).filter(Boolean))];
  return words;
}
