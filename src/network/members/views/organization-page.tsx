import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { CsrfField } from '../../../platform/forms/index.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { MembershipRow, OrganizationRow } from '../queries.ts';
import { OrganizationName } from './list-page.tsx';

const m = msg.networkMembers;
const o = m.organization;

export interface OrganizationPageProps {
  organization: OrganizationRow;
  /** null: not signed in */
  viewer: { csrfToken: string; membership: MembershipRow | null; mayDecide: boolean; secretariat: boolean } | null;
  notice?: string | null;
}

const orNotGiven = (text: string) => text.trim() || <span className="subtle">{m.notGiven}</span>;

export function OrganizationPage({ organization, viewer, notice }: OrganizationPageProps) {
  const p = paths.network.members;
  return (
    <PageFrame title={organization.is_demo ? `${organization.name} ${m.fictional}` : organization.name} heading={<OrganizationName organization={organization} />} className="stack detail">
      {notice && <Alert data-color="success">{notice}</Alert>}
      {organization.is_demo && <Alert data-color="warning">{o.demoNote}</Alert>}
      <dl className="facts">
        <dt>{o.role}</dt><dd>{m.networkRoles[organization.network_role]}</dd>
        <dt>{o.kind}</dt><dd>{m.kinds[organization.kind]}</dd>
        <dt>{o.description}</dt><dd className="prose">{orNotGiven(organization.description)}</dd>
        <dt>{o.contribution}</dt><dd className="prose">{orNotGiven(organization.contribution)}</dd>
        <dt>{o.contactPoint}</dt><dd>{orNotGiven(organization.contact_point)}</dd>
        <dt>{o.website}</dt><dd>{organization.website ? <Link href={organization.website}>{organization.website}</Link> : orNotGiven('')}</dd>
        <dt>{o.source}</dt><dd className="source">{orNotGiven(organization.source)}</dd>
      </dl>

      <section aria-labelledby="du-og-organisasjonen" className="stack">
        <h2 className="ds-heading" data-size="sm" id="du-og-organisasjonen">{o.yoursHeading}</h2>
        {viewer ? <YourMembership organization={organization} viewer={viewer} /> : (
          <Paragraph><Link href={`${paths.accounts.login}?neste=${encodeURIComponent(p.organization(organization.slug))}`}>{o.signIn}</Link></Paragraph>
        )}
      </section>

      {viewer && (viewer.mayDecide || viewer.secretariat) && (
        <section aria-labelledby="forvaltning" className="stack">
          <h2 className="ds-heading" data-size="sm" id="forvaltning">{o.manageHeading}</h2>
          <ul>
            <li><Link href={p.people(organization.slug)}>{o.people}</Link></li>
            <li><Link href={p.requests}>{m.home.requests}</Link></li>
            {viewer.secretariat && <li><Link href={p.edit(organization.slug)}>{o.edit}</Link></li>}
          </ul>
        </section>
      )}
    </PageFrame>
  );
}

function YourMembership({ organization, viewer }: { organization: OrganizationRow; viewer: NonNullable<OrganizationPageProps['viewer']> }) {
  const p = paths.network.members;
  const membership = viewer.membership;
  const leaveForm = (label: string) => (
    <form method="post" action={p.leave(organization.slug)}>
      <CsrfField token={viewer.csrfToken} />
      <Button type="submit" variant="secondary" data-size="sm">{label}</Button>
    </form>
  );
  if (!membership) return <Paragraph><Link href={p.join(organization.slug)}>{o.join}</Link></Paragraph>;
  if (membership.status === 'pending') return <>{<Paragraph>{o.pending(m.roles[membership.role])}</Paragraph>}{leaveForm(o.withdraw)}</>;
  if (membership.status === 'approved') return <>{<Paragraph>{o.approved(m.roles[membership.role])}</Paragraph>}{leaveForm(o.leave)}</>;
  return (
    <>
      <Paragraph>{o.rejected(membership.reason ?? '')}</Paragraph>
      <Paragraph><Link href={p.join(organization.slug)}>{o.joinAgain}</Link></Paragraph>
    </>
  );
}
