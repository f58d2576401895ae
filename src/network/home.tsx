import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../platform/i18n/index.ts';
import { paths } from '../platform/paths.ts';
import { PageFrame } from '../platform/views/page-frame.tsx';

const m = msg.networkMembers.home;

/** /nettverket: what the network is, with its sources, and the ways into its workspace. */
/** `experiences`: the anonymous survey's answers per health region and level (from experiences/) */
export function NetworkHomePage({ viewer, experiences }: { viewer: { decides: boolean; secretariat: boolean } | null; experiences?: React.ReactNode }) {
  const n = paths.network;
  const ways = [
    { href: n.members.index, ...m.sections.members },
    { href: n.events.index, ...m.sections.events },
    { href: n.ideas.index, ...m.sections.ideas },
    { href: n.evidence.index, ...m.sections.evidence },
    { href: n.courses.index, ...m.sections.courses },
  ];
  return (
    <PageFrame title={m.title}>
      <Paragraph className="lead">{m.lead}</Paragraph>
      <Paragraph>{m.who}</Paragraph>
      <Paragraph>{m.seminar}</Paragraph>
      <Paragraph>{m.here}</Paragraph>

      <section aria-labelledby="i-nettverket" className="stack">
        <h2 className="ds-heading" data-size="md" id="i-nettverket">{m.sectionsHeading}</h2>
        <ul className="ways">
          {ways.map((way) => (
            <li key={way.href}>
              <h3 className="ds-heading" data-size="xs"><Link href={way.href}>{way.title}</Link></h3>
              <Paragraph data-size="sm">{way.text}</Paragraph>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="for-deg" className="stack">
        <h2 className="ds-heading" data-size="md" id="for-deg">{m.yoursHeading}</h2>
        {viewer ? (
          <ul>
            <li><Link href={n.members.myPage}>{m.myPage}</Link></li>
            {viewer.decides && <li><Link href={n.members.requests}>{m.requests}</Link></li>}
            {viewer.secretariat && <li><Link href={n.members.create}>{m.create}</Link></li>}
          </ul>
        ) : <Paragraph><Link href={`${paths.accounts.login}?neste=${encodeURIComponent(n.members.myPage)}`}>{m.signIn}</Link></Paragraph>}
      </section>

      {experiences}

      <section aria-labelledby="kilder" className="sources">
        <h2 className="ds-heading" data-size="xs" id="kilder">{m.sourcesHeading}</h2>
        <ul>{m.sources.map((source) => <li key={source}>{source}</li>)}</ul>
      </section>
    </PageFrame>
  );
}
