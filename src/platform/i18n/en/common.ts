import type { Catalogue } from '../catalogue.ts';

/** English text shared by every page: the site frame, error pages and the about page. */
export const site = {
  name: 'Samklang',
  tagline: 'Music therapy in substance use and mental health services',
  description: 'Samklang shows where to find music therapy in substance use and mental health services in Norway, where there is none, and how a new service can be set up.',
  skipLink: 'Skip to main content',
  nav: { label: 'Main menu', menu: 'Menu', finder: 'Find music therapy', about: 'About Samklang' },
  language: {
    label: 'Language',
    /** said on a page whose long text exists only in bokmål (e.g. a handbook section in the English frame) */
    onlyBokmal: 'This text is only available in Norwegian (bokmål).',
  },
  demoBanner:
    'Demo data: all services and organisations you see here are made up to show how the site works. They do not exist, and the contact details lead nowhere.',
  footer: {
    attributionHeading: 'Data sources',
    kartverket: 'Municipality and county borders: © Kartverket (CC BY 4.0)',
    ssb: 'Population: Statistics Norway (SSB), table 07459 (NLOD)',
    bring: 'Postcodes: Bring (Posten Norge AS), postnummerregisteret',
    ssbGrid: 'Population centres of the municipalities: Statistics Norway (SSB), Befolkning på rutenett 250 m (population on a 250 m grid) (2022, 2019) (NLOD)',
    /** the licence (CC BY 3.0) asks for the attribution as a link to the source */
    bolstad: { text: 'Postnummerkoordinatar: Erik Bolstad', href: 'https://www.erikbolstad.no/postnummer/', licence: '(CC BY 3.0)' },
    noPatientData: 'Samklang holds information about services, never about patients.',
  },
} as const satisfies Catalogue['site'];

export const errors = {
  summaryHeading: 'Please correct something before we can search',
  titlePrefix: (title: string) => `Error: ${title}`,
  invalidValue: 'Invalid value',
  age: 'Age must be a whole number from 0 to 120.',
  radius: 'Choose one of the distances in the list.',
  page: 'The page number must be a whole number from 1.',
  filter: 'One of the filters has a value we do not know. Choose again from the list.',
  text: 'The search words can have at most 200 characters.',
  badRequestTitle: 'We cannot use something in the request',
  unusableValue: 'The address or the form has a value we cannot use: a character that does not belong in text (a null character), an endlessly large number, or data nested too deeply. Go back, correct the value and try again.',
  notFoundTitle: 'Page not found',
  notFound: 'The page or service does not exist, or is no longer published.',
  serverTitle: 'Something went wrong on our side',
  server: 'We could not show the page. Please try again in a moment. What you typed is still in the address bar.',
  rateLimited: 'You have sent many requests in a short time. Wait a little and try again.',
  busyTitle: 'Samklang is busy right now',
  busy: 'We could not take your request because many people are using the service at once. Try again in a few seconds. What you typed is still in the address bar.',
  backToFinder: 'Back to search',
} as const satisfies Catalogue['errors'];

export const about = {
  title: 'About Samklang',
  paragraphs: [
    'Samklang wants music therapy to be a real and available service for everyone who uses substance use and mental health services in Norway. The site gives an overview of the services, shows where in the country they exist and where they are missing, and helps employers who want to create a music therapist post.',
    'Samklang is made for Nasjonalt nettverk for musikkterapi – rus og psykisk helse (the national network for music therapy in substance use and mental health). The services are registered and kept up to date by the people who run them.',
  ],
  sourcesHeading: 'Knowledge base',
  noSources: 'No sources are listed.',
  dataHeading: 'About the data',
  data: [
    'Distances are measured in a straight line. From a postcode, we measure from the postcode’s own point (Erik Bolstad’s postnummerkoordinatar). From a municipality, we measure from its population centre: the 250 × 250 metre square where people live that is closest to all the inhabitants together (Statistics Norway’s population grid). With fjords and mountains, the journey can be much longer than the straight line.',
    'A postcode can cover more than one municipality. We use the municipality that Bring gives as the main municipality for the postcode.',
    'While the site is being developed, the services you see are demo data: made-up services marked “fiktiv” (fictional).',
  ],
} as const satisfies Catalogue['about'];
