// The URL paths of stories, used by routes and views alike.
export const storyPaths = {
  index: '/erfaringer',
  theme: (theme = ':tema') => `/erfaringer/tema/${theme}`,
  story: (id = ':id') => `/erfaringer/fortellinger/${id}`,
  withdraw: '/erfaringer/trekk-tilbake',
  /** the teller reads the draft with the code on their receipt, and approves it or asks for changes */
  review: '/erfaringer/gjennomlesing',
  reviewAnswer: '/erfaringer/gjennomlesing/svar',
  reviewDone: '/erfaringer/gjennomlesing/takk',
  editor: {
    index: '/nettverket/fortellinger',
    figures: '/nettverket/fortellinger/tall',
    create: '/nettverket/fortellinger/ny',
    edit: (id = ':id') => `/nettverket/fortellinger/${id}`,
    status: (id = ':id') => `/nettverket/fortellinger/${id}/status`,
    clear: (id = ':id') => `/nettverket/fortellinger/${id}/ufarlig`,
    receipt: (id = ':id') => `/nettverket/fortellinger/${id}/kvittering`,
  },
};
