// The finder's relevance test set: realistic queries over the demo data `npm start` loads
// (DEMO_SERVICES, seed 2010), each with what makes an offer right for it. Judged by the demo
// generator's own facts about each offer (its classification, what people do there, who runs it,
// where it is), never by its text, so the search has to get from people's words to those facts.
// `place`: the place the search must take from the text (a postal code or municipality's name).
// `relevant: 'none'`: no offer is right, and the right answer is no hit.
import type { DEMO_ACTIVITIES } from '../../../src/directory/index.ts';

type Activity = keyof typeof DEMO_ACTIVITIES;
/** Each entry must hold; an array entry holds when any of its members does. */
export interface Judge {
  terms?: (string | string[])[];
  activities?: (Activity | Activity[])[];
  /** a word in the organisation's name */
  organization?: string;
}
export interface RelevanceQuery {
  q: string;
  place?: string;
  relevant: Judge | 'none';
}

const youth = ['malgruppe:barn-unge', 'malgruppe:unge-voksne'];

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  // what people do there
  { q: 'band', relevant: { activities: ['band'] } },
  { q: 'spille i band', relevant: { activities: ['band'] } },
  { q: 'sang', relevant: { activities: ['sang'] } },
  { q: 'synge', relevant: { activities: ['sang'] } },
  { q: 'kor', relevant: { activities: ['sang'] } },
  { q: 'korsang', relevant: { activities: ['sang'] } },
  { q: 'låtskriving', relevant: { activities: ['laatskriving'] } },
  { q: 'skrive låter', relevant: { activities: ['laatskriving'] } },
  { q: 'lytting', relevant: { activities: ['lytting'] } },
  { q: 'lytte til musikk', relevant: { activities: ['lytting'] } },
  { q: 'musikklytting', relevant: { activities: ['lytting'] } },
  { q: 'studio', relevant: { activities: ['innspilling'] } },
  { q: 'innspilling', relevant: { activities: ['innspilling'] } },
  // the classification in everyday words
  { q: 'lavterskel', relevant: { terms: ['niva:lavterskel'] } },
  { q: 'lavterskeltilbud', relevant: { terms: ['niva:lavterskel'] } },
  { q: 'drop-in', relevant: { terms: ['niva:lavterskel'] } },
  { q: 'gratis', relevant: { terms: ['kostnad:gratis'] } },
  { q: 'gruppe', relevant: { terms: ['format:gruppe'] } },
  { q: 'individuell', relevant: { terms: ['format:individuell'] } },
  { q: 'digitalt', relevant: { terms: ['format:digital'] } },
  { q: 'video', relevant: { terms: ['format:digital'] } },
  { q: 'ungdom', relevant: { terms: [youth] } },
  { q: 'unge', relevant: { terms: [youth] } },
  { q: 'unge voksne', relevant: { terms: ['malgruppe:unge-voksne'] } },
  { q: 'eldre', relevant: { terms: ['malgruppe:eldre'] } },
  { q: 'angst', relevant: { terms: ['felt:psykisk-helse'] } },
  { q: 'depresjon', relevant: { terms: ['felt:psykisk-helse'] } },
  { q: 'psykisk helse', relevant: { terms: ['felt:psykisk-helse'] } },
  { q: 'rus', relevant: { terms: ['felt:rus'] } },
  { q: 'avhengighet', relevant: { terms: ['felt:rus'] } },
  { q: 'rusavhengighet', relevant: { terms: ['felt:rus'] } },
  { q: 'fengsel', relevant: { terms: ['arena:kriminalomsorg'] } },
  { q: 'kriminalomsorg', relevant: { terms: ['arena:kriminalomsorg'] } },
  { q: 'soning', relevant: { terms: ['arena:kriminalomsorg'] } },
  { q: 'DPS', relevant: { terms: ['arena:spesialist:dps'] } },
  { q: 'rusbehandling', relevant: { terms: ['arena:spesialist:tsb'] } },
  { q: 'behandling', relevant: { terms: ['niva:behandling'] } },
  { q: 'oppfølging', relevant: { terms: ['niva:oppfolging'] } },
  { q: 'egenhenvisning', relevant: { terms: ['tilgang:egenhenvisning'] } },
  { q: 'fastlege', relevant: { terms: ['henviser:fastlege'] } },
  { q: 'Nav', relevant: { terms: ['henviser:nav'] } },
  { q: 'samisk', relevant: { terms: ['sprak:se'] } },
  { q: 'engelsk', relevant: { terms: ['sprak:en'] } },
  { q: 'frivillig', relevant: { terms: ['arena:ideell'] } },
  { q: 'rullestol', relevant: { terms: [['tilgjengelighet:trinnfri', 'tilgjengelighet:hc-toalett']] } },
  { q: 'teleslynge', relevant: { terms: ['tilgjengelighet:teleslynge'] } },
  // nynorsk and English words for the classification (issue 17): the same offers as the bokmål ones
  { q: 'lågterskel', relevant: { terms: ['niva:lavterskel'] } },
  { q: 'lågterskeltilbod', relevant: { terms: ['niva:lavterskel'] } },
  { q: 'ungdomar', relevant: { terms: [youth] } },
  { q: 'unge vaksne', relevant: { terms: ['malgruppe:unge-voksne'] } },
  { q: 'tilvising', relevant: { terms: ['tilgang:henvisning'] } },
  { q: 'eigendel', relevant: { terms: ['kostnad:egenandel'] } },
  { q: 'rusavhengnad', relevant: { terms: ['felt:rus'] } },
  { q: 'kriminalomsorga', relevant: { terms: [['arena:kriminalomsorg', 'henviser:kriminalomsorgen']] } },
  { q: 'free', relevant: { terms: ['kostnad:gratis'] } },
  { q: 'group', relevant: { terms: ['format:gruppe'] } },
  { q: 'youth', relevant: { terms: [youth] } },
  { q: 'young adults', relevant: { terms: ['malgruppe:unge-voksne'] } },
  { q: 'prison', relevant: { terms: ['arena:kriminalomsorg'] } },
  { q: 'addiction', relevant: { terms: ['felt:rus'] } },
  { q: 'mental health', relevant: { terms: ['felt:psykisk-helse'] } },
  { q: 'online', relevant: { terms: ['format:digital'] } },
  { q: 'self-referral', relevant: { terms: ['tilgang:egenhenvisning'] } },
  { q: 'hearing loop', relevant: { terms: ['tilgjengelighet:teleslynge'] } },
  { q: 'free group', relevant: { terms: ['kostnad:gratis', 'format:gruppe'] } },
  { q: 'youth Tromsø', place: 'Tromsø', relevant: { terms: [youth] } },
  // typos
  { q: 'musikterapi', relevant: {} },
  { q: 'lavterskl', relevant: { terms: ['niva:lavterskel'] } },
  { q: 'låtskrivning', relevant: { activities: ['laatskriving'] } },
  { q: 'depresjonn', relevant: { terms: ['felt:psykisk-helse'] } },
  // several words
  { q: 'band ungdom', relevant: { activities: ['band'], terms: [youth] } },
  { q: 'gratis band', relevant: { activities: ['band'], terms: ['kostnad:gratis'] } },
  { q: 'kor for eldre', relevant: { activities: ['sang'], terms: ['malgruppe:eldre'] } },
  { q: 'angst gruppe', relevant: { terms: ['felt:psykisk-helse', 'format:gruppe'] } },
  { q: 'rus ungdom', relevant: { terms: ['felt:rus', youth] } },
  { q: 'lavterskel rus', relevant: { terms: ['niva:lavterskel', 'felt:rus'] } },
  { q: 'drop-in sang', relevant: { terms: ['niva:lavterskel'], activities: ['sang'] } },
  { q: 'låtskriving depresjon', relevant: { terms: ['felt:psykisk-helse'], activities: ['laatskriving'] } },
  { q: 'musikkterapi i fengsel', relevant: { terms: ['arena:kriminalomsorg'] } },
  // with a place in the text
  { q: 'musikkterapi Bergen', place: 'Bergen', relevant: {} },
  { q: 'rus ungdom Tromsø', place: 'Tromsø', relevant: { terms: ['felt:rus', youth] } },
  { q: '9008', place: '9008', relevant: {} },
  { q: 'band i Oslo', place: 'Oslo', relevant: { activities: ['band'] } },
  { q: 'sang Trondheim', place: 'Trondheim', relevant: { activities: ['sang'] } },
  { q: 'gratis Stavanger', place: 'Stavanger', relevant: { terms: ['kostnad:gratis'] } },
  { q: 'angst Bodø', place: 'Bodø', relevant: { terms: ['felt:psykisk-helse'] } },
  { q: 'lavterskel 0150', place: '0150', relevant: { terms: ['niva:lavterskel'] } },
  { q: 'DPS Kristiansand', place: 'Kristiansand', relevant: { terms: ['arena:spesialist:dps'] } },
  { q: 'låtskriving Drammen', place: 'Drammen', relevant: { activities: ['laatskriving'] } },
  { q: 'gruppe 5003', place: '5003', relevant: { terms: ['format:gruppe'] } },
  { q: 'Tromsø', place: 'Tromsø', relevant: {} },
  { q: 'musikkterapi for unge i Fredrikstad', place: 'Fredrikstad', relevant: { terms: [youth] } },
  // organisations
  { q: 'Klangrommet', relevant: { organization: 'Klangrommet' } },
  { q: 'Tonebasen Bergen', place: 'Bergen', relevant: { organization: 'Tonebasen' } },
  // nothing here is right
  { q: 'tannlege', relevant: 'none' },
  { q: 'fysioterapi', relevant: 'none' },
  { q: 'ridning', relevant: 'none' },
  { q: 'svømmekurs', relevant: 'none' },
  { q: 'hundetrening', relevant: 'none' },
  { q: 'tannlege Bergen', place: 'Bergen', relevant: 'none' },
];
