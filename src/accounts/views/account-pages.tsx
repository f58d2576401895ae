import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Config } from '../../platform/config.ts';
import type { SessionUser } from '../contract.ts';
import type { OutboxRow } from '../../platform/mail/outbox.ts';
import type { DeletionNotice } from '../privacy.ts';
import { CsrfField, ErrorSummary, TextInput, type Errors } from '../../platform/forms/index.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { PageFrame } from '../../platform/views/page-frame.tsx';

const m = msg.accounts;

export function AccountPage({ user, organizations, pendingEmail = null, notice = null }: { user: SessionUser; organizations: { id: string; name: string }[]; pendingEmail?: string | null; notice?: string | null }) {
  const s = m.settings;
  const roles = [user.isAdmin ? m.account.admin : null, organizations.length ? m.account.editorOf(organizations.map((o) => o.name).join(', ')) : null].filter(Boolean);
  return (
    <PageFrame title={m.account.title} className="stack detail">
      {notice && <Alert data-color="success">{notice}</Alert>}
      <dl>
        <dt>{m.account.name}</dt><dd>{user.name ?? '–'}</dd>
        <dt>{m.account.email}</dt><dd>{user.email}</dd>
        <dt>{m.account.roles}</dt><dd>{roles.length ? roles.join('. ') : m.account.noRoles}</dd>
      </dl>
      {pendingEmail && <Paragraph>{s.pendingEmail(pendingEmail)}</Paragraph>}
      <Heading level={2} data-size="sm">{s.heading}</Heading>
      <ul>
        <li><Link href={paths.accounts.changeName}>{s.links.name}</Link></li>
        <li><Link href={paths.accounts.changeEmail}>{s.links.email}</Link></li>
        <li><Link href={paths.accounts.changePassword}>{s.links.password}</Link></li>
        <li><Link href={paths.accounts.sessions}>{s.links.sessions}</Link></li>
      </ul>
      <Heading level={2} data-size="sm">{m.account.dataHeading}</Heading>
      <ul>
        <li><Link href={paths.accounts.data} download>{m.account.download}</Link></li>
        <li><Link href={paths.accounts.privacy}>{m.account.privacy}</Link></li>
      </ul>
      <Heading level={2} data-size="sm">{m.account.deleteHeading}</Heading>
      <Paragraph><Link href={paths.accounts.delete}>{m.account.deleteLink}</Link></Paragraph>
    </PageFrame>
  );
}

export function DeleteAccountPage({ errors, csrfToken, notices }: { errors: Errors; csrfToken: string; notices: DeletionNotice[] }) {
  const failed = Object.keys(errors).length > 0;
  return (
    <PageFrame title={m.deleteAccount.title} failed={failed} className="stack detail">
      <Paragraph>{m.deleteAccount.intro}</Paragraph>
      {notices.map((notice) => (
        <section key={notice.id} aria-labelledby={`${notice.id}-overskrift`}>
          <Heading level={2} data-size="sm" id={`${notice.id}-overskrift`}>{notice.heading}</Heading>
          <ul id={notice.id}>{notice.items.map((item) => <li key={item}>{item}</li>)}</ul>
        </section>
      ))}
      <ErrorSummary errors={errors} />
      <form method="post" action={paths.accounts.delete} className="stack" noValidate>
        <CsrfField token={csrfToken} />
        <TextInput id="bekreft" label={m.deleteAccount.confirmLabel} type="email" autoComplete="off" error={errors.bekreft} maxLength={254} />
        <div className="actions"><Button type="submit" data-color="danger">{m.deleteAccount.submit}</Button></div>
      </form>
    </PageFrame>
  );
}

/** The privacy page: who is responsible (from configuration), each kind of data kept, the rights and where to complain. */
export function PrivacyPage({ operator, sessionDays, idleHours }: { operator: Config['operator']; sessionDays: number; idleHours: number }) {
  const p = m.privacy;
  const c = p.controller;
  const value = (text: string | undefined) => text ?? p.notSet;
  const controller: [string, string | undefined][] = [[c.name, operator.name], [c.orgnr, operator.orgnr], [c.address, operator.address], [c.email, operator.email], [c.dpo, operator.dpo]];
  return (
    <Layout title={p.title}>
      <div className="stack detail privacy">
        <Heading level={1} data-size="lg">{p.title}</Heading>
        {p.intro.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
        <Heading level={2} data-size="md" id="behandlingsansvarlig">{p.controllerHeading}</Heading>
        <Paragraph>{p.controllerIntro}</Paragraph>
        <dl className="controller">
          {controller.map(([label, text]) => <div key={label}><dt>{label}</dt><dd>{value(text)}</dd></div>)}
        </dl>
        {controller.some(([, text]) => text === undefined) && <Paragraph data-size="sm">{p.notSetNote}</Paragraph>}
        <Heading level={2} data-size="md" id="opplysninger">{p.kindsHeading}</Heading>
        {p.kinds({ sessionDays, idleHours }).map((kind) => (
          <section key={kind.id} aria-labelledby={`data-${kind.id}`} className="data-kind">
            <Heading level={3} data-size="sm" id={`data-${kind.id}`}>{kind.title}</Heading>
            <dl>
              <dt>{p.labels.what}</dt><dd>{kind.what}</dd>
              <dt>{p.labels.why}</dt><dd>{kind.why}</dd>
              <dt>{p.labels.basis}</dt><dd>{kind.basis}</dd>
              <dt>{p.labels.retention}</dt><dd>{kind.retention}</dd>
              <dt>{p.labels.who}</dt><dd>{kind.who}</dd>
            </dl>
          </section>
        ))}
        <Heading level={2} data-size="md" id="rettigheter">{p.rightsHeading}</Heading>
        <ul className="rights">
          {p.rights.map((right) => <li key={right.title}><strong>{right.title}:</strong> {right.text}</li>)}
        </ul>
        <Paragraph>{p.contact(value(operator.email))}</Paragraph>
        <Heading level={2} data-size="md" id="klage">{p.complaintHeading}</Heading>
        <Paragraph>{p.complaint}</Paragraph>
      </div>
    </Layout>
  );
}

export function OutboxPage({ mails, smtp }: { mails: OutboxRow[]; smtp: boolean }) {
  const o = m.outbox;
  return (
    <PageFrame title={o.title}>
      <Paragraph>{smtp ? o.introSmtp : o.introNoSmtp}</Paragraph>
      {mails.length === 0 ? <Paragraph>{o.empty}</Paragraph> : (
        <DataTable caption={o.caption(mails.length)} rows={mails} rowKey={(mail) => mail.id} columns={[
          { header: o.when, cell: (mail) => <>{formatDate(mail.createdAt)} {mail.createdAt.toISOString().slice(11, 16)}</> },
          { header: o.to, cell: (mail) => mail.to },
          { header: o.subject, cell: (mail) => <details><summary>{mail.subject}</summary><pre className="mail-body">{mail.body}</pre></details> },
          { header: o.status, cell: (mail) => (mail.sentAt ? o.sent : mail.lastError ? o.failed(mail.lastError) : o.waiting) },
        ]} />
      )}
    </PageFrame>
  );
}
