// Anonymous experience surveys per offer (issue #14) in English: en.experienceSurveys.
import type { Catalogue } from '../catalogue.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 'YYYY-MM' as "March 2026" */
const month = (yearMonth: string) => `${MONTHS[Number(yearMonth.slice(5, 7)) - 1] ?? yearMonth} ${yearMonth.slice(0, 4)}`;

const answers = (count: number) => `${count} ${count === 1 ? 'answer' : 'answers'}`;

export const experienceSurveys = {
  month,
  /** the questions of each version; a new wording is a new version, never an edit of an old one */
  questions: {
    v1: {
      listened: 'Did you feel listened to?',
      decided: 'Did you get a say in what you would do together?',
      helped: 'Did the service help you with what you wanted?',
      safe: 'Did you feel safe?',
      respected: 'Were you treated with respect?',
      access: 'Was it easy to get into the service?',
      informed: 'Did you get the information you needed about the service?',
      recommend: 'Would you recommend the service to others?',
    },
  },
  scale: { 1: '1 – No, not at all', 2: '2', 3: '3', 4: '4', 5: '5 – Yes, completely', dontKnow: 'Don’t know' },
  scaleShort: { 1: '1', 2: '2', 3: '3', 4: '4', 5: '5', dontKnow: 'Don’t know' },
  /** the section on the offer's page (/tilbud/:id), which links here */
  servicePage: { heading: 'Experiences from service users', results: 'See what service users say about the service', answer: 'Have you used the service? Answer eight questions anonymously' },
  freeText: 'Is there anything else you want to tell us?',
  freeTextHint: 'Optional. Do not write names, phone numbers or anything else that could show who you or others are. The text is never published; only the people who run the service can read it, and only once at least five people have answered.',
  honeypot: 'Leave this field empty',
  title: (service: string) => `How was it? About ${service}`,
  intro: 'Eight short questions about how you found the service. You are anonymous: you do not sign in, and we do not store who you are, where you answer from or what time of day you answered – only the month. You can skip questions.',
  scaleHint: 'Answer from 1 (no, not at all) to 5 (yes, completely), or “Don’t know”.',
  submit: 'Send your answers',
  thanksTitle: 'Thank you for your answers',
  thanksBody: 'Your answers are saved without anything that shows who you are. Once at least five people have answered, a summary is shown on the page about the service.',
  backToService: 'Back to the service',
  errors: {
    empty: 'Answer at least one question, or write something in the text box.',
    score: 'Choose a number from 1 to 5 or “Don’t know”.',
    freeText: 'The text can be at most 2,000 characters.',
    form: 'Something in the form could not be read. Please try again.',
    tooMany: 'Many answers have been sent from this address in the last hour. Please try again later. Your answers are still in the form.',
  },
  results: {
    title: (service: string) => `Experiences with ${service}`,
    lead: 'A summary of anonymous answers from people who have used the service. The results are only compared with answers to the same questions.',
    period: (from: string, to: string, count: number) => `${answers(count)} from ${month(from)} to ${month(to)}.`,
    tooFew: 'There are fewer than five answers in the period, so we do not show any results yet. This way, nobody can recognise a single answer.',
    caption: 'Answers per question (number)',
    question: 'Question',
    average: 'Average (1–5)',
    answered: 'Answers',
    none: '–',
    answerLink: 'Answer the questions about the service',
    demo: 'Example (fictional)',
    freeTextHeading: 'Free text (only for the people who run the service)',
    freeTextIntro: 'Free text is never published. Anything that looks like names, phone numbers and email addresses is hidden.',
    freeTextNone: 'Nobody has written free text in the period.',
    masked: '[hidden]',
    poster: 'QR code and poster for the waiting room',
    moderation: {
      heading: 'Answers held back',
      intro: 'If many answers came in on one day, someone may have tried to influence the result. The secretariat decides whether the answers are counted or discarded.',
      decision: 'What should happen to the answers?',
      count: 'Count them',
      discard: 'Discard them',
      submit: 'Save',
      error: 'Choose whether the answers are counted or discarded.',
      done: (count: number, counted: boolean) => `${answers(count)} ${count === 1 ? 'has' : 'have'} been ${counted ? 'counted' : 'discarded'}.`,
    },
    heldAside: (count: number) => `${answers(count)} ${count === 1 ? 'is' : 'are'} held back because an unusually large number came in on one day. ${count === 1 ? 'It is' : 'They are'} not counted until ${count === 1 ? 'it has' : 'they have'} been reviewed.`,
  },
  poster: {
    title: (service: string) => `Poster and QR code: ${service}`,
    intro: 'Put up the poster where service users will see it, for example in the waiting room. The QR code and the link go to the questions about this service.',
    qrAlt: (url: string) => `QR code for ${url}`,
    link: 'Link to the questions',
    download: 'Download poster (PDF, A4)',
    pdfTitle: 'How was it for you?',
    pdfLead: (service: string) => `Tell us how you found ${service}.`,
    pdfBody: 'Eight short questions. You are anonymous: you do not sign in, and we do not store who you are. Scan the code with your phone, or type in the link.',
    pdfFooter: 'Samklang – music therapy in substance use and mental health services',
  },
  overview: {
    title: 'Experiences with the services: by health region and level',
    lead: 'Average of anonymous answers per health region and service level. Groups with fewer than five answers are not shown. A service at more than one place or level is counted in each group.',
    period: (from: string, to: string) => `Answers from ${month(from)} to ${month(to)}, questions in version 1.`,
    none: 'No group has five or more answers yet.',
    caption: 'Average per question (1–5)',
    region: 'Health region',
    level: 'Level',
    question: 'Question',
    answers: 'Answers',
    average: 'Average',
    unknown: 'Unknown',
    csv: 'Download as CSV (open data)',
  },
  /** The compact table on the atlas (/dekning) and the network's front page. */
  figures: {
    heading: 'Experiences from service users: anonymous answers',
    lead: 'The number of anonymous answers to the questions about the services, per health region and service level. Groups with fewer than five answers are not shown, so that nobody can be recognised.',
    caption: 'Number of answers per health region and level',
    region: 'Health region',
    level: 'Level',
    answers: 'Answers',
    none: 'No group has five or more answers yet.',
    overview: 'See the average per question',
    csv: 'Download the figures as CSV (open data)',
  },
  /** column names and cell values of the open-data CSV: data, the same in every language */
  csv: {
    columns: ['helseregion', 'tjenesteniva', 'sporsmalsversjon', 'sporsmal', 'fra_maned', 'til_maned', 'antall_svar', 'snitt'],
    unknownRegion: 'ukjent',
    unknownLevel: 'ukjent',
  },
} as const satisfies Catalogue['experienceSurveys'];
