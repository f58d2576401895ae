import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { OrganizationRow } from '../queries.ts';
import { NETWORK_ROLES } from '../forms.ts';

const m = msg.networkMembers;

/** An organisation's name, marked when it is fictional demo content. */
export function OrganizationName({ organization }: { organization: { name: string; is_demo: boolean } }) {
  return <>{organization.name}{organization.is_demo && <> <span className="fictional">{m.fictional}</span></>}</>;
}

export function MemberListPage({ organizations, manage }: { organizations: OrganizationRow[]; manage: boolean }) {
  const groups = NETWORK_ROLES.map((role) => ({ role, rows: organizations.filter((o) => o.network_role === role) })).filter((g) => g.rows.length > 0);
  return (
    <PageFrame title={m.list.title}>
      <Paragraph className="lead">{m.list.intro}</Paragraph>
      {manage && <Paragraph><Link href={paths.network.members.create}>{m.home.create}</Link></Paragraph>}
      {groups.length === 0 && <Paragraph>{m.list.empty}</Paragraph>}
      {groups.map(({ role, rows }) => (
        <section key={role} aria-labelledby={`gruppe-${role}`} className="stack">
          <h2 className="ds-heading" data-size="md" id={`gruppe-${role}`}>{m.networkRoleGroups[role]}</h2>
          <ul className="org-list">
            {rows.map((o) => (
              <li key={o.id}>
                <Link href={paths.network.members.organization(o.slug)}><OrganizationName organization={o} /></Link>
                <span className="subtle">{m.kinds[o.kind]}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PageFrame>
  );
}
