import { AsyncLocalStorage } from 'node:async_hooks';
import type { ReactNode } from 'react';
import { Alert, Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { currentLanguage, currentUrl, msg, offeredLanguages } from '../i18n/index.ts';
import { currentOrigin, LANGUAGE_NAMES, urlInLanguage } from '../i18n/language.ts';
import { paths } from '../paths.ts';
import { assetUrl } from '../http/assets.ts';

export interface LayoutProps {
  /** the page answers a request that failed (e.g. a form with errors): the title says so first */
  failed?: boolean;
  title: string;
  /** the page's summary for search engines and link previews (meta description); the site's when not given */
  description?: string;
  /** the page shows fictional demo data: a banner says so */
  showsDemoData?: boolean;
  children: ReactNode;
}

/** Who is looking (null: the public); the accounts plugin sets it for each request. */
export interface Viewer {
  isAdmin: boolean;
  csrfToken: string;
}
export const viewerContext = new AsyncLocalStorage<{ viewer(): Viewer | null }>();

function AccountLinks() {
  const viewer = viewerContext.getStore()?.viewer() ?? null;
  const m = msg.accounts.nav;
  if (!viewer) return <li><Link href={paths.accounts.login}>{m.login}</Link></li>;
  return (
    <>
      <li><Link href={paths.selfService.mine}>{m.mine}</Link></li>
      {viewer.isAdmin && <li><Link href={paths.moderation.queue}>{m.moderation}</Link></li>}
      <li><Link href={paths.accounts.account}>{m.account}</Link></li>
      <li>
        <form method="post" action={paths.accounts.logout} className="inline-form">
          <input type="hidden" name="_csrf" value={viewer.csrfToken} />
          <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">{m.logout}</button>
        </form>
      </li>
    </>
  );
}

/** The same page in every offered language, for search engines (the page's own included, and x-default: bokmål), as absolute addresses. */
function LanguageAlternates() {
  if (offeredLanguages.length < 2) return null;
  const url = currentUrl();
  const origin = currentOrigin();
  return (
    <>
      {offeredLanguages.map((language) => <link key={language} rel="alternate" hrefLang={language} href={`${origin}${urlInLanguage(url, language)}`} />)}
      <link rel="alternate" hrefLang="x-default" href={`${origin}${urlInLanguage(url, 'nb')}`} />
    </>
  );
}

/**
 * Links to this page in the other languages, each named in its own language (and marked so), the
 * current one marked as current. Plain links: they work without JavaScript and keep the page's query.
 */
function LanguageSwitch() {
  if (offeredLanguages.length < 2) return null;
  const url = currentUrl();
  const current = currentLanguage();
  return (
    <nav aria-label={msg.site.language.label} className="language-switch">
      <ul>
        {offeredLanguages.map((language) => (
          <li key={language}>
            <a href={urlInLanguage(url, language)} lang={language} hrefLang={language} aria-current={language === current ? 'true' : undefined}>
              {LANGUAGE_NAMES[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The frame of every page: skip link, header with navigation, main, footer with data sources. */
export function Layout({ title, description, failed = false, showsDemoData = false, children }: LayoutProps) {
  const m = msg.site;
  return (
    <html lang={currentLanguage()} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${failed ? msg.errors.titlePrefix(title) : title} – ${m.name}`}</title>
        <meta name="description" content={description ?? m.description} />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        <link rel="stylesheet" href={assetUrl('theme.css')} />
        <link rel="stylesheet" href={assetUrl('ds.css')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('app.js')} defer />
        <LanguageAlternates />
      </head>
      <body>
        <SkipLink href="#main">{m.skipLink}</SkipLink>
        <header className="site-header">
          <div className="container site-header__inner">
            <a className="site-name" href={paths.home}>
              {m.name}
              <span className="site-tagline">{m.tagline}</span>
            </a>
            <LanguageSwitch />
            <nav aria-label={m.nav.label} className="site-menu-nav">
              {/* a disclosure on small screens; on large ones the summary is hidden and the list always shown (app.css) */}
              <details className="site-menu">
                <summary className="site-menu__toggle">{m.nav.menu}</summary>
                <ul className="site-nav">
                  <li><Link href={paths.finder}>{m.nav.finder}</Link></li>
                  <li><Link href={paths.coverage.atlas}>{msg.coverage.nav}</Link></li>
                  <li><Link href={paths.handbook.index}>{msg.handbook.nav}</Link></li>
                  <li><Link href={paths.network.index}>{msg.networkMembers.nav}</Link></li>
                  <li><Link href={paths.experiences}>{msg.experienceStories.title}</Link></li>
                  <li><Link href={paths.about}>{m.nav.about}</Link></li>
                  <li><Link href={paths.openData.page}>{msg.openData.nav}</Link></li>
                  <AccountLinks />
                </ul>
              </details>
            </nav>
          </div>
        </header>
        {showsDemoData && (
          <div className="container">
            <Alert data-color="warning" className="demo-banner">{m.demoBanner}</Alert>
          </div>
        )}
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <h2 className="ds-heading" data-size="2xs">{m.footer.attributionHeading}</h2>
            <ul>
              <li>{m.footer.kartverket}</li>
              <li>{m.footer.ssb}</li>
              <li>{m.footer.bring}</li>
              <li>{m.footer.ssbGrid}</li>
              <li><Link href={m.footer.bolstad.href}>{m.footer.bolstad.text}</Link> {m.footer.bolstad.licence}</li>
            </ul>
            <Paragraph data-size="sm">{m.footer.noPatientData}</Paragraph>
            <Paragraph data-size="sm"><Link href={paths.accounts.privacy}>{msg.accounts.privacy.title}</Link></Paragraph>
          </div>
        </footer>
      </body>
    </html>
  );
}
