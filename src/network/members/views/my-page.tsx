import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { MyPageSection } from '../../my-page.ts';
import type { OwnMembership } from '../queries.ts';
import { OrganizationName } from './list-page.tsx';

const m = msg.networkMembers;
const s = m.myPage;

export interface MyNetworkPageProps {
  memberships: OwnMembership[];
  /** requests waiting for this person's decision, or null when they decide none */
  waiting: number | null;
  secretariat: boolean;
  /** the other parts' sections (registrations, courses, certificates), in order, after the memberships */
  sections: MyPageSection[];
  notice?: string | null;
}

export function MyNetworkPage({ memberships, waiting, secretariat, sections, notice }: MyNetworkPageProps) {
  return (
    <PageFrame title={s.title}>
      {notice && <Alert data-color="success">{notice}</Alert>}
      {secretariat && <Paragraph>{s.secretariat}</Paragraph>}
      {waiting !== null && (
        <section aria-labelledby="til-avgjorelse" className="stack">
          <h2 className="ds-heading" data-size="md" id="til-avgjorelse">{s.decideHeading}</h2>
          <Paragraph>{waiting === 0 ? m.requests.empty : s.waiting(waiting)} <Link href={paths.network.members.requests}>{m.manage.goToRequests}</Link></Paragraph>
        </section>
      )}
      <section aria-labelledby="mine-organisasjoner" className="stack">
        <h2 className="ds-heading" data-size="md" id="mine-organisasjoner">{s.membershipsHeading}</h2>
        {memberships.length === 0 ? <Paragraph>{s.none}</Paragraph> : (
          <ul className="org-list">
            {memberships.map((row) => (
              <li key={row.id}>
                <Link href={paths.network.members.organization(row.organization_slug)}>
                  <OrganizationName organization={{ name: row.organization_name, is_demo: row.organization_is_demo }} />
                </Link>
                <span>{s.roleAndStatus(m.roles[row.role], m.statuses[row.status])}</span>
                {row.status === 'rejected' && row.reason && <span className="subtle">{s.reason(row.reason)}</span>}
              </li>
            ))}
          </ul>
        )}
        <Paragraph><Link href={paths.network.members.index}>{s.findOrganization}</Link></Paragraph>
      </section>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id} className="stack">
          <h2 className="ds-heading" data-size="md" id={section.id}>{section.heading}</h2>
          {section.content}
        </section>
      ))}
    </PageFrame>
  );
}
