import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { termDescription, termLabel } from '../../taxonomy-labels.ts';

const m = msg.service;

/** The access terms as a plain-words answer to "how do I get in here?" (tilgang, then who may refer). */
/** `applicationProcessLanguage`: the language the offer's own text on getting in is written in (its lang attribute) */
export function AccessRoute({ terms, applicationProcess, applicationProcessLanguage = 'nb' }: { terms: string[]; applicationProcess: string | null; applicationProcessLanguage?: string }) {
  const self = terms.includes('tilgang:egenhenvisning');
  const referral = terms.includes('tilgang:henvisning');
  const route = self && referral ? 'both' : self ? 'egenhenvisning' : referral ? 'henvisning' : 'unknown';
  const referrers = terms.filter((key) => key.startsWith('henviser:')).map((key) => key.slice('henviser:'.length));
  return (
    <section aria-labelledby="access-heading" className="access-route">
      <Heading level={2} data-size="sm" id="access-heading">{m.accessHeading}</Heading>
      <Paragraph data-route={route}>{m.accessExplained[route]}</Paragraph>
      {referrers.length > 0 && (
        <>
          <Heading level={3} data-size="xs">{m.referrers}</Heading>
          <dl className="referrers">
            {referrers.map((code) => (
              <div key={code} data-referrer={code}>
                <dt>{termLabel(`henviser:${code}`)}</dt>
                <dd>{m.referrerExplained[code] ?? termDescription(`henviser:${code}`)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {applicationProcess && (
        <>
          <Heading level={3} data-size="xs">{m.applicationHeading}</Heading>
          <Paragraph lang={applicationProcessLanguage}>{applicationProcess}</Paragraph>
        </>
      )}
    </section>
  );
}
