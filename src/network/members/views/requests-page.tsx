import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, Select, TextArea, type Errors } from '../../../platform/forms/index.ts';
import { formatDateTime, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { MembershipRole } from '../../../platform/db/schema/index.ts';
import type { PersonMembership } from '../queries.ts';

const m = msg.networkMembers;
const r = m.requests;

export interface RequestsPageProps {
  requests: PersonMembership[];
  viewerId: string;
  grantable: readonly MembershipRole[];
  csrfToken: string;
  /** errors by field id (`begrunnelse-<id>`, `rolle-<id>`), and the values to fill in again */
  errors?: Errors;
  values?: Record<string, string>;
  notice?: string | null;
}

export const personLabel = (p: { person_name: string | null; person_email: string }) => (p.person_name ? `${p.person_name} (${p.person_email})` : p.person_email);

export function RequestsPage({ requests, viewerId, grantable, csrfToken, errors = {}, values = {}, notice }: RequestsPageProps) {
  const failed = Object.keys(errors).length > 0;
  return (
    <PageFrame title={failed ? msg.errors.titlePrefix(r.title) : r.title} heading={r.title} className="stack detail">
      {notice && <Alert data-color="success">{notice}</Alert>}
      <Paragraph>{r.intro}</Paragraph>
      <ErrorSummary errors={errors} heading={m.errorsHeading} />
      {requests.length === 0 ? <Paragraph>{r.empty}</Paragraph> : (
        <ul className="request-list">
          {requests.map((request) => {
            const person = personLabel(request);
            const headingId = `foresporsel-${request.id}`;
            return (
              <li key={request.id}>
                <section aria-labelledby={headingId} className="stack">
                  <h2 className="ds-heading" data-size="xs" id={headingId}>{r.item(person, request.organization_name)}</h2>
                  <dl className="facts">
                    <dt>{r.askedRole}</dt><dd>{m.roles[request.role]}</dd>
                    <dt>{r.note}</dt><dd className="prose">{request.note || <span className="subtle">{r.noNote}</span>}</dd>
                    <dt>{r.requestedAt}</dt><dd>{formatDateTime(request.requested_at)}</dd>
                  </dl>
                  {request.user_id === viewerId ? <Paragraph>{r.own}</Paragraph> : (
                    <form method="post" action={paths.network.members.decide(request.id)} noValidate className="stack narrow-form">
                      <CsrfField token={csrfToken} />
                      <Select id={`rolle-${request.id}`} name="rolle" label={r.role} value={values[`rolle-${request.id}`] ?? request.role}
                        error={errors[`rolle-${request.id}`]} options={grantable.map((role) => ({ value: role, label: m.roles[role] }))} />
                      <TextArea id={`begrunnelse-${request.id}`} name="begrunnelse" label={r.reason} rows={3} maxLength={1000}
                        value={values[`begrunnelse-${request.id}`] ?? ''} error={errors[`begrunnelse-${request.id}`]} />
                      <div className="actions">
                        <Button type="submit" name="handling" value="godkjenn">{r.approve}<span className="visually-hidden">: {person}</span></Button>
                        <Button type="submit" name="handling" value="avsla" variant="secondary">{r.reject}<span className="visually-hidden">: {person}</span></Button>
                      </div>
                    </form>
                  )}
                </section>
              </li>
            );
          })}
        </ul>
      )}
    </PageFrame>
  );
}
