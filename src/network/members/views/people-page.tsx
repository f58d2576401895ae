import { Alert, Button, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { describedBy } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { OrganizationRow, PersonMembership } from '../queries.ts';
import { ALL_ROLES } from '../rules.ts';
import { personLabel } from './requests-page.tsx';

const m = msg.networkMembers;
const g = m.manage;

export interface PeoplePageProps {
  organization: OrganizationRow;
  people: PersonMembership[];
  viewerId: string;
  /** the secretariat changes roles and removes memberships */
  manage: boolean;
  /** site admins appoint coordinators */
  appoint: boolean;
  csrfToken: string;
  errors?: Errors;
  values?: Record<string, string>;
  notice?: string | null;
}

export function PeoplePage({ organization, people, viewerId, manage, appoint, csrfToken, errors = {}, values = {}, notice }: PeoplePageProps) {
  const p = paths.network.members;
  const title = g.peopleTitle(organization.name);
  const failed = Object.keys(errors).length > 0;
  return (
    <PageFrame title={failed ? msg.errors.titlePrefix(title) : title} heading={title}>
      {notice && <Alert data-color="success">{notice}</Alert>}
      <Paragraph>{g.peopleIntro}</Paragraph>
      <Paragraph><Link href={p.organization(organization.slug)}>{organization.name}</Link> · <Link href={p.requests}>{g.goToRequests}</Link></Paragraph>
      <ErrorSummary errors={errors} heading={m.errorsHeading} />
      {people.length === 0 ? <Paragraph>{g.noPeople}</Paragraph> : (
        <ul className="request-list">
          {people.map((row) => {
            const person = personLabel(row);
            const field = `rolle-${row.id}`;
            return (
              <li key={row.id}>
                <section aria-labelledby={`person-${row.id}`} className="stack">
                  <h2 className="ds-heading" data-size="xs" id={`person-${row.id}`}>{person}</h2>
                  <Paragraph>{m.myPage.roleAndStatus(m.roles[row.role], m.statuses[row.status])}</Paragraph>
                  {manage && row.user_id !== viewerId && (
                    <div className="row-actions">
                      <form method="post" action={p.changeRole(organization.slug, row.id)} noValidate className="inline-fields">
                        <CsrfField token={csrfToken} />
                        <label className="ds-label" data-weight="regular" htmlFor={field}>{g.changeRoleLabel(person)}</label>
                        <select className="ds-input" id={field} name="rolle" defaultValue={values[field] ?? row.role}
                          aria-invalid={errors[field] ? true : undefined} aria-describedby={describedBy(field, false, errors[field])}>
                          {ALL_ROLES.map((role) => <option key={role} value={role}>{m.roles[role]}</option>)}
                        </select>
                        {errors[field] && <ValidationMessage id={`${field}-error`}>{errors[field]}</ValidationMessage>}
                        <Button type="submit" variant="secondary" data-size="sm">{g.changeRole}<span className="visually-hidden">: {person}</span></Button>
                      </form>
                      <form method="post" action={p.remove(organization.slug, row.id)}>
                        <CsrfField token={csrfToken} />
                        <Button type="submit" variant="tertiary" data-size="sm">{g.remove}<span className="visually-hidden">: {person}</span></Button>
                      </form>
                    </div>
                  )}
                </section>
              </li>
            );
          })}
        </ul>
      )}
      {appoint && (
        <section aria-labelledby="utnevn" className="stack">
          <h2 className="ds-heading" data-size="sm" id="utnevn">{g.appointHeading}</h2>
          <Paragraph>{g.appointIntro}</Paragraph>
          <form method="post" action={p.appointCoordinator(organization.slug)} noValidate className="stack narrow-form">
            <CsrfField token={csrfToken} />
            <TextInput id="epost" label={g.appointEmail} type="email" value={values.epost ?? ''} error={errors.epost} maxLength={254} autoComplete="off" />
            <div className="actions"><Button type="submit">{g.appointSubmit}</Button></div>
          </form>
        </section>
      )}
    </PageFrame>
  );
}
