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
  api: {
    openapi: '/api/openapi.json',
    services: '/api/v1/services',
    service: '/api/v1/services/:id',
    municipalities: '/api/v1/municipalities',
    postalCode: '/api/v1/postal-codes/:code',
  },
} as const;
