import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { CsrfField, ErrorSummary, RadioGroup, TextInput, type Errors } from '../../platform/forms/index.ts';
import { DOCUMENT_KINDS } from '../planner/documents.ts';
import type { MemberRow, PlanRow } from '../planner/queries.ts';
import { PlanLayout } from './plan-layout.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.handbook.planner;

export function DocumentsPage({ plan }: { plan: PlanRow }) {
  const d = m.documents;
  const texts = { vedtaksnotat: [d.memo, d.memoText], stillingsbeskrivelse: [d.job, d.jobText], evalueringsplan: [d.evaluation, d.evaluationText] } as const;
  return (
    <PlanLayout plan={plan} tab="documents" heading={d.title}>
      <Paragraph>{d.intro}</Paragraph>
      <ul className="documents">
        {DOCUMENT_KINDS.map((kind) => (
          <li key={kind}>
            <Link href={paths.handbook.planner.document(plan.id, `${kind}.pdf`)}>{texts[kind][0]}</Link>
            <Paragraph data-size="sm">{texts[kind][1]}</Paragraph>
          </li>
        ))}
      </ul>
    </PlanLayout>
  );
}

export interface MembersPageProps {
  plan: PlanRow;
  members: MemberRow[];
  values: { epost: string; rolle: string };
  errors: Errors;
  csrfToken: string;
  notice?: string | null;
}

export function MembersPage({ plan, members, values, errors, csrfToken, notice }: MembersPageProps) {
  const s = m.members;
  const manage = plan.role !== 'viewer';
  return (
    <PlanLayout plan={plan} tab="members" heading={s.title} notice={notice}>
      <Paragraph>{s.intro}</Paragraph>
      <DataTable caption={s.caption} rows={members} rowKey={(member) => member.email} columns={[
        { header: s.email, cell: (member) => member.email },
        { header: s.role, cell: (member) => <>{m.roles[member.role]}{member.pending ? ` ${s.pending}` : ''}</> },
        manage && {
          header: <span className="visually-hidden">{s.remove}</span>,
          cell: (member) => member.role !== 'owner' && (
            <form method="post" noValidate action={paths.handbook.planner.removeMember(plan.id)}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="epost" value={member.email} />
              <Button type="submit" variant="tertiary" data-size="sm" aria-label={s.removeLabel(member.email)}>{s.remove}</Button>
            </form>
          ),
        },
      ]} />
      {manage && (
        <section aria-labelledby="invite-heading">
          <h2 className="ds-heading" data-size="sm" id="invite-heading">{s.inviteHeading}</h2>
          <ErrorSummary errors={errors} heading={m.errorsHeading} />
          <form method="post" noValidate action={paths.handbook.planner.members(plan.id)} className="stack narrow-form">
            <CsrfField token={csrfToken} />
            <TextInput id="epost" label={s.inviteEmail} type="email" value={values.epost} error={errors.epost} autoComplete="off" maxLength={254} />
            <RadioGroup id="rolle" name="rolle" legend={s.inviteRole} value={values.rolle} error={errors.rolle}
              options={[{ value: 'editor', label: m.roles.editor }, { value: 'viewer', label: m.roles.viewer }]} />
            <div className="actions"><Button type="submit">{s.invite}</Button></div>
          </form>
        </section>
      )}
    </PlanLayout>
  );
}
