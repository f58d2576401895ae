/** Every URL path of the site, used by routes and views alike, so a path is one grep away. */
export const paths = {
  home: '/',
  finder: '/tilbud',
  service: (id: string) => `/tilbud/${id}`,
  servicePattern: '/tilbud/:id',
  about: '/om',
  healthz: '/healthz',
  readyz: '/readyz',
  asset: (name: string) => `/assets/${name}`,
  coverage: {
    atlas: '/dekning',
    municipality: (number: string) => `/dekning/kommune/${number}`,
    municipalityPattern: '/dekning/kommune/:nummer',
    scenario: '/dekning/hva-om',
    placement: '/dekning/beste-plassering',
    api: '/api/v1/coverage',
    csv: '/api/v1/coverage.csv',
    apiScenario: '/api/v1/coverage/scenario',
  },
  // called without an argument, each function gives the route pattern (':slug', ':id')
  handbook: {
    index: '/veileder',
    search: '/veileder/sok',
    section: (slug = ':slug') => `/veileder/${slug}`,
    edit: (slug = ':slug') => `/veileder/${slug}/rediger`,
    review: (slug = ':slug') => `/veileder/${slug}/gjennomgatt`,
    history: (slug = ':slug') => `/veileder/${slug}/historikk`,
    revision: (slug = ':slug', number: number | ':number' = ':number') => `/veileder/${slug}/historikk/${number}`,
    planner: {
      index: '/planlegger',
      create: '/planlegger/ny',
      plan: (id = ':id') => `/planlegger/${id}`,
      checklist: (id = ':id') => `/planlegger/${id}/sjekkliste`,
      readiness: (id = ':id') => `/planlegger/${id}/modenhet`,
      businessCase: (id = ':id') => `/planlegger/${id}/kostnader`,
      memo: (id = ':id') => `/planlegger/${id}/notat`,
      local: (id = ':id') => `/planlegger/${id}/lokalt`,
      members: (id = ':id') => `/planlegger/${id}/deling`,
      removeMember: (id = ':id') => `/planlegger/${id}/deling/fjern`,
      documents: (id = ':id') => `/planlegger/${id}/dokumenter`,
      document: (id = ':id', kind = ':kind') => `/planlegger/${id}/dokumenter/${kind}`,
    },
  },
  // accounts, self-service and moderation; called without an argument a function gives the pattern
  accounts: {
    login: '/logg-inn',
    logout: '/logg-ut',
    register: '/registrer',
    verify: (token = ':token') => `/konto/bekreft/${token}`,
    forgot: '/glemt-passord',
    reset: (token = ':token') => `/nytt-passord/${token}`,
    account: '/konto',
    data: '/konto/mine-data.json',
    delete: '/konto/slett',
    changeName: '/konto/navn',
    changeEmail: '/konto/e-post',
    confirmEmail: (token = ':token') => `/konto/ny-e-post/${token}`,
    changePassword: '/konto/passord',
    sessions: '/konto/innlogginger',
    endOtherSessions: '/konto/innlogginger/logg-ut-andre',
    endAllSessions: '/konto/innlogginger/logg-ut-alle',
    privacy: '/personvern',
    oidcStart: '/logg-inn/oidc',
    oidcCallback: '/logg-inn/oidc/tilbake',
  },
  selfService: {
    mine: '/mine-tilbud',
    start: '/registrer-tilbud',
    createOrganization: '/registrer-tilbud/ny-organisasjon',
    claimOrganization: '/registrer-tilbud/krev-organisasjon',
    newService: (organizationId = ':organizationId') => `/mine-tilbud/${organizationId}/nytt-tilbud`,
    draft: (id = ':id') => `/mine-tilbud/utkast/${id}`,
    change: (serviceId = ':serviceId') => `/mine-tilbud/tilbud/${serviceId}/endre`,
    assure: (serviceId = ':serviceId') => `/mine-tilbud/tilbud/${serviceId}/bekreft`,
    reportError: (serviceId = ':serviceId') => `/tilbud/${serviceId}/meld-feil`,
    api: {
      services: '/api/v1/mine/services',
      assure: (serviceId = ':serviceId') => `/api/v1/mine/services/${serviceId}/assure`,
      changeRequests: (serviceId = ':serviceId') => `/api/v1/mine/services/${serviceId}/change-requests`,
    },
  },
  moderation: {
    queue: '/moderering',
    changeRequest: (id = ':id') => `/moderering/endring/${id}`,
    editChangeRequest: (id = ':id') => `/moderering/endring/${id}/rediger`,
    claim: (id = ':id') => `/moderering/krav/${id}`,
    report: (id = ':id') => `/moderering/feilmelding/${id}`,
    history: (resourceId = ':resourceId') => `/moderering/historikk/${resourceId}`,
    outbox: '/moderering/utboks',
    dashboard: '/moderering/oversikt',
  },
  // the network's workspace (issue #12); each part keeps its paths in its own object
  network: {
    index: '/nettverket',

    members: {
      index: '/nettverket/medlemmer',
    },

    events: {
      index: '/nettverket/arrangementer',
    },

    ideas: {
      index: '/nettverket/ideer',
    },

    evidence: {
      index: '/nettverket/kunnskap',
    },

    courses: {
      index: '/nettverket/kurs',
    },
  },
  // importing directory data from files; called without an argument, run() gives the pattern
  imports: {
    index: '/import',
    run: (id = ':id') => `/import/${id}`,
  },
  api: {
    openapi: '/api/openapi.json',
    services: '/api/v1/services',
    service: '/api/v1/services/:id',
    municipalities: '/api/v1/municipalities',
    postalCode: '/api/v1/postal-codes/:code',
  },
  servicesCsv: '/api/v1/services.csv',
  openData: { page: '/apne-data', importTemplate: '/apne-data/importmal.csv' },
  hsds: {
    root: '/hsds/',
    profile: '/hsds/profile',
    services: '/hsds/services',
    serviceAtLocations: '/hsds/service_at_locations',
    organizations: '/hsds/organizations',
    taxonomies: '/hsds/taxonomies',
    taxonomyTerms: '/hsds/taxonomy_terms',
    tabular: '/hsds/tabular.json',
  },
  fhir: {
    base: '/fhir',
    metadata: '/fhir/metadata',
    codeSystem: (id: string) => `/fhir/CodeSystem/${id}`,
  },
} as const;
