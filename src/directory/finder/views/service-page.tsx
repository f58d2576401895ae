import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { currentLanguage, msg, formatDate } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ServiceDetail } from '../../queries.ts';
import { ORIGINAL_TEXT_LANGUAGE, textIn } from '../../model.ts';
import { languageLabel } from '../../taxonomy-labels.ts';
import { StoredLink, telHref, termLabels } from './components.tsx';
import { AccessRoute } from './access-route.tsx';
import { HelpNow } from './help-now.tsx';
import { LocationMap } from './location-map.tsx';

const m = msg.service;

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function scheduleText(s: ServiceDetail['schedules'][number]): string {
  const days = s.byday === 'MO,TU,WE,TH,FR' ? m.weekdays : (s.byday ?? '').split(',').map((d) => m.days[d] ?? d).join(', ');
  const time = s.opensAt && s.closesAt ? ` ${s.opensAt}–${s.closesAt}` : '';
  return `${days}${time}${s.description ? ` (${s.description})` : ''}`;
}

function Phone({ phone }: { phone: ServiceDetail['phones'][number] }) {
  const href = telHref(phone.number);
  return (
    <>
      {href ? <Link href={href} aria-label={m.callLabel(phone.number)}>{phone.number}</Link> : phone.number}
      {phone.description ? ` – ${phone.description}` : ''}
    </>
  );
}

/** Everything a person needs to get in: what happens, for whom, how to get access, cost, contact, where, when. */
/** `experiences`: quotes from stories of the same setting and level (from experiences/) */
export function ServicePage({ service, experiences }: { service: ServiceDetail; experiences?: React.ReactNode }) {
  const names = (facets: string[]) => termLabels(service.terms, facets).join(', ');
  const where = [...new Set(service.locations.map((l) => l.municipalityName).filter((n): n is string => n !== null))].join(', ') || null;
  // the offer's own words in the reader's language where it has them, else in bokmål; each marked with its language
  const reader = currentLanguage();
  const name = textIn(service, 'name', reader);
  const description = textIn(service, 'description', reader);
  const applicationProcess = textIn(service, 'applicationProcess', reader);
  const providerText = ORIGINAL_TEXT_LANGUAGE;
  return (
    <Layout title={name.text ?? service.name} showsDemoData={service.isDemo} description={m.metaDescription(name.text ?? service.name, service.organization.name, where)}>
      <article className="detail stack">
        <Paragraph data-size="sm"><Link href={paths.finder}>{m.back}</Link></Paragraph>
        <Heading level={1} data-size="lg" lang={name.language}>{name.text}</Heading>
        {service.isDemo && <Tag data-color="info">{msg.finder.demoTag}</Tag>}
        {service.status === 'temporarily closed' && <Tag data-color="warning">{msg.finder.temporarilyClosed}</Tag>}
        <Paragraph className="lead" lang={description.language}>{description.text}</Paragraph>
        {description.language !== reader && description.text && <Paragraph data-size="sm" className="source">{m.textInBokmal}</Paragraph>}
        <HelpNow />

        <Heading level={2} data-size="sm">{m.what}</Heading>
        <dl>
          <Row term={m.classification}>{names(['niva', 'felt', 'arena', 'format'])}</Row>
          <Row term={m.organization}><span lang={providerText}>{service.organization.name}</span></Row>
          {service.fte !== null && <Row term={m.capacity}>{m.fte(service.fte)}</Row>}
          <Row term={m.languages}>{service.languages.map(languageLabel).join(', ') || '–'}</Row>
        </dl>

        <Heading level={2} data-size="sm">{m.forWhom}</Heading>
        <dl>
          <Row term={msg.finder.ageLabel}>{m.age(service.minimumAge, service.maximumAge)}</Row>
          <Row term={m.targetGroup}>{names(['malgruppe']) || '–'}</Row>
          {service.eligibilityDescription && <Row term={m.forWhom}><span lang={providerText}>{service.eligibilityDescription}</span></Row>}
        </dl>

        <AccessRoute terms={service.terms} applicationProcess={applicationProcess.text} applicationProcessLanguage={applicationProcess.language} />
        <dl>
          {service.waitTime && <Row term={m.waitTime}><span lang={providerText}>{service.waitTime}</span></Row>}
          <Row term={m.cost}>{service.feesDescription ? <span lang={providerText}>{service.feesDescription}</span> : names(['kostnad'])}</Row>
        </dl>

        <Heading level={2} data-size="sm">{m.contact}</Heading>
        <dl>
          {service.phones.map((p) => <Row key={p.number} term={m.phone}><Phone phone={p} /></Row>)}
          {service.email && <Row term={m.email}><StoredLink kind="email" value={service.email} /></Row>}
          {service.url && <Row term={m.website}><StoredLink kind="web" value={service.url} /></Row>}
          {service.contacts.map((c, i) => (
            <Row key={i} term={c.title ?? m.contactPerson}>
              {c.name}{c.name && c.email ? ', ' : ''}{c.email && <StoredLink kind="email" value={c.email} />}
            </Row>
          ))}
        </dl>

        <Heading level={2} data-size="sm">{m.where}</Heading>
        {service.locations.length === 0 && <Paragraph>{m.digitalOnly}</Paragraph>}
        {service.locations.map((location) => (
          <section key={location.id} aria-label={location.name ?? m.where}>
            <dl>
              {location.name && <Row term={m.place}>{location.name}</Row>}
              {location.isConfidential ? (
                <Row term={m.address}>{m.confidential}</Row>
              ) : location.address && (
                <Row term={m.address}>{`${location.address.address1}, ${location.address.postalCode} ${location.address.city}`}</Row>
              )}
              {location.municipalityName && <Row term={m.municipality}>{location.municipalityName}</Row>}
              {location.transportation && <Row term={m.travel}>{location.transportation}</Row>}
              <Row term={m.accessibility}>
                {[termLabels(location.accessibility, ['tilgjengelighet']).join(', '), location.accessibilityDescription].filter(Boolean).join('. ') || m.noAccessibilityInfo}
              </Row>
            </dl>
            <LocationMap location={location} />
          </section>
        ))}

        {service.schedules.length > 0 && (
          <>
            <Heading level={2} data-size="sm">{m.schedule}</Heading>
            <ul>{service.schedules.map((s, i) => <li key={i}>{scheduleText(s)}</li>)}</ul>
          </>
        )}

        <section aria-labelledby="erfaringer" className="stack">
          <Heading level={2} data-size="sm" id="erfaringer">{msg.experienceSurveys.servicePage.heading}</Heading>
          <ul>
            <li><Link href={paths.experienceSurveys.results(service.id)}>{msg.experienceSurveys.servicePage.results}</Link></li>
            <li><Link href={paths.experienceSurveys.answer(service.id)}>{msg.experienceSurveys.servicePage.answer}</Link></li>
          </ul>
          {experiences}
        </section>

        <Paragraph data-size="sm" className="source">
          {m.assured}: {service.assuredDate ? formatDate(service.assuredDate) : msg.finder.notAssured}
          {service.stale && <> <Tag data-color="warning" data-size="sm">{msg.selfService.staleLabel}</Tag></>}
        </Paragraph>
        <Paragraph data-size="sm"><Link href={paths.selfService.reportError(service.id)}>{msg.selfService.reportLink}</Link></Paragraph>
      </article>
    </Layout>
  );
}
