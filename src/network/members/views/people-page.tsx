import { Alert, Button, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { describedBy } from '../../../platform/forms/index.ts';
import { nb } from '../../../platform/i18n/nb.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DataTable } from '../../../platform/views/data-table.tsx';
import type { OrganizationRow, PersonMembership } from '../queries.ts';
import { ALL_ROLES } from '../rules.ts';
import { personLabel } from './requests-page.tsx';

const m = nb.networkMembers;
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
    <PageFrame title={failed ? nb.errors.titlePrefix(title) : title} heading={title}>
      {notice && <Alert data-color="success">{notice}</Alert>}
      <Paragraph>{g.peopleIntro}</Paragraph>
      <Paragraph><Link href={p.organization(organization.slug)}>{organization.name}</Link> · <Link href={p.requests}>{g.goToRequests}</Link></Paragraph>
      <ErrorSummary errors={errors} heading={m.errorsHeading} />
      {people.length === 0 ? <Paragraph>{g.noPeople}</Paragraph> : (
        <div className="table-scroll">
          <DataTable caption={g.peopleCaption} captionClassName="visually-hidden" rows={people} rowKey={(row) => row.id} columns={[
            { header: g.person, rowHeader: true, cell: (row) => personLabel(row) },
            { header: g.role, cell: (row) => m.roles[row.role] },
            { header: g.status, cell: (row) => m.statuses[row.status] },
            manage && { header: g.actions, cell: (row) => row.user_id === viewerId ? null : (
              <div className="row-actions">
                <form method="post" action={p.changeRole(organization.slug, row.id)} noValidate className="inline-fields">
                  <CsrfField token={csrfToken} />
                  <label className="ds-label" data-weight="regular" htmlFor={`rolle-${row.id}`}>{g.changeRoleLabel(personLabel(row))}</label>
                  <select className="ds-input" id={`rolle-${row.id}`} name="rolle" defaultValue={values[`rolle-${row.id}`] ?? row.role}
                    aria-invalid={errors[`rolle-${row.id}`] ? true : undefined} aria-describedby={describedBy(`rolle-${row.id}`, false, errors[`rolle-${row.id}`])}>
                    {ALL_ROLES.map((role) => <option key={role} value={role}>{m.roles[role]}</option>)}
                  </select>
                  {errors[`rolle-${row.id}`] && <ValidationMessage id={`rolle-${row.id}-error`}>{errors[`rolle-${row.id}`]}</ValidationMessage>}
                  <Button type="submit" variant="secondary" data-size="sm">{g.changeRole}</Button>
                </form>
                <form method="post" action={p.remove(organization.slug, row.id)}>
                  <CsrfField token={csrfToken} />
                  <Button type="submit" variant="tertiary" data-size="sm" aria-label={g.removeLabel(personLabel(row))}>{g.remove}</Button>
                </form>
              </div>
            ) },
          ]} />
        </div>
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
