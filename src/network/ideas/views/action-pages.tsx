import { Button, Heading, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CheckboxInput, CsrfField, ErrorSummary, FormPage, Select, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import type { ActionStatus } from '../../../platform/db/index.ts';
import type { IdeaRow } from '../queries.ts';
import type { ActionRow } from '../action-queries.ts';
import { ACTION_STATUSES, type ActionLink } from '../model.ts';
import { DemoTag, IdeaCard, Progress, StatusTag } from './components.tsx';

const m = msg.networkIdeas;
const p = paths.network.ideas;

export const ACTION_FIELDS = ['tittel', 'beskrivelse', 'organisasjon', 'kontakt', 'start', 'frist', 'status', 'begrunnelse', 'fremdrift', 'lenker'] as const;
export type ActionValues = Record<(typeof ACTION_FIELDS)[number], string> & { ideer: string[] };

const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: m.statuses[s] }));

/** New action (with the ideas to make it of) or an existing action's own fields. */
export function ActionFormPage({ mode, values, errors, ideas, organizations, csrfToken }: {
  mode: { kind: 'new' } | { kind: 'edit'; id: string; title: string };
  values: ActionValues; errors: Errors; ideas: IdeaRow[]; organizations: { id: string; name: string }[]; csrfToken: string;
}) {
  const f = m.actionForm;
  const isNew = mode.kind === 'new';
  return (
    <FormPage title={isNew ? f.newTitle : f.editTitle(mode.title)} intro={isNew ? f.intro : undefined} errors={errors}
      action={isNew ? p.createAction : p.editAction(mode.id)} csrfToken={csrfToken} submit={isNew ? f.submitNew : f.submitEdit}
      after={<Paragraph data-size="sm"><Link href={isNew ? p.index : p.action(mode.id)}>{m.action.back}</Link></Paragraph>}>
      {(isNew || ideas.length > 0) && (
        <fieldset className="ds-fieldset" aria-describedby={['ideer-hint', errors.ideer ? 'ideer-error' : ''].filter(Boolean).join(' ')}>
          <legend className="ds-label" id="ideer">{isNew ? f.ideas : f.moreIdeas}</legend>
          <p className="ds-paragraph" data-size="sm" id="ideer-hint">{isNew ? f.ideasHint : f.moreIdeasHint}</p>
          {errors.ideer && <ValidationMessage id="ideer-error">{errors.ideer}</ValidationMessage>}
          {ideas.map((idea) => (
            <CheckboxInput key={idea.id} id={`ide-${idea.id}`} name="ideer" value={idea.id} label={`${idea.title} (${m.themes[idea.theme]})`} checked={values.ideer.includes(idea.id)} />
          ))}
        </fieldset>
      )}
      <TextInput id="tittel" label={f.actionTitle} value={values.tittel} error={errors.tittel} maxLength={200} />
      <TextArea id="beskrivelse" label={f.description} value={values.beskrivelse} error={errors.beskrivelse} rows={5} maxLength={4000} />
      <Select id="organisasjon" label={f.organization} value={values.organisasjon} error={errors.organisasjon}
        options={[{ value: '', label: f.chooseOrganization }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]} />
      <TextInput id="kontakt" label={f.contact} hint={f.contactHint} value={values.kontakt} error={errors.kontakt} maxLength={300} />
      <div className="date-pair">
        <TextInput id="start" label={f.startDate} hint={f.dateHint} value={values.start} error={errors.start} maxLength={10} />
        <TextInput id="frist" label={f.dueDate} hint={f.dateHint} value={values.frist} error={errors.frist} maxLength={10} />
      </div>
      <Select id="status" label={f.status} value={values.status || 'planlagt'} error={errors.status} options={statusOptions} />
      <TextInput id="begrunnelse" label={f.statusReason} hint={f.statusReasonHint} value={values.begrunnelse} error={errors.begrunnelse} maxLength={1000} />
      <TextInput id="fremdrift" label={f.progress} hint={f.progressHint} value={values.fremdrift} error={errors.fremdrift} inputMode="numeric" maxLength={5} />
      <TextArea id="lenker" label={f.links} hint={f.linksHint} value={values.lenker} error={errors.lenker} rows={3} />
    </FormPage>
  );
}

export const UPDATE_FIELDS = ['dato', 'tekst', 'ny_status', 'arsak', 'ny_fremdrift'] as const;
export type UpdateValues = Record<(typeof UPDATE_FIELDS)[number], string>;

export interface ActionPageProps {
  action: ActionRow;
  ideas: IdeaRow[];
  links: ActionLink[];
  updates: { id: string; happened_on: string; body: string; status: ActionStatus | null; progress: number | null }[];
  secretariat: { csrfToken: string; values: UpdateValues; errors: Errors } | null;
}

export function ActionPage({ action, ideas, links, updates, secretariat }: ActionPageProps) {
  const a = m.action;
  const u = m.updateForm;
  const failed = secretariat && Object.keys(secretariat.errors).length > 0;
  return (
    <Layout title={failed ? m.errorTitle(action.title) : action.title} showsDemoData={action.is_demo}>
      <div className="stack detail">
        <Paragraph data-size="sm"><Link href={p.index}>{a.back}</Link></Paragraph>
        <Heading level={1} data-size="lg">{action.title}</Heading>
        <DemoTag show={action.is_demo} />
        {action.description && <Paragraph className="pre-wrap">{action.description}</Paragraph>}
        <dl className="network-facts">
          <dt>{m.status}</dt><dd><StatusTag status={action.status} /></dd>
          {action.status === 'lagt_bort' && action.status_reason && <><dt>{m.actionForm.statusReason}</dt><dd>{action.status_reason}</dd></>}
          <dt>{m.responsible}</dt><dd>{action.organization_name ?? m.noOrganization}</dd>
          {action.contact && <><dt>{m.contact}</dt><dd>{action.contact}</dd></>}
          {action.start_date && <><dt>{m.startDate}</dt><dd>{formatDate(action.start_date)}</dd></>}
          {action.due_date && <><dt>{m.dueDate}</dt><dd>{formatDate(action.due_date)}</dd></>}
        </dl>
        <Progress percent={action.progress} title={action.title} />
        {secretariat && <Paragraph><Link href={p.editAction(action.id)}>{a.edit}</Link></Paragraph>}

        <section aria-labelledby="ideas-heading">
          <Heading level={2} data-size="md" id="ideas-heading">{a.fromIdeas}</Heading>
          {ideas.length === 0 ? <Paragraph>{a.noIdeas}</Paragraph> : <ul className="card-list">{ideas.map((i) => <IdeaCard key={i.id} idea={i} />)}</ul>}
        </section>

        {links.length > 0 && (
          <section aria-labelledby="links-heading">
            <Heading level={2} data-size="md" id="links-heading">{a.linksHeading}</Heading>
            <ul>{links.map((l) => <li key={l.path}><Link href={l.path}>{l.label}</Link></li>)}</ul>
          </section>
        )}

        <section aria-labelledby="timeline-heading" className="stack">
          <Heading level={2} data-size="md" id="timeline-heading">{a.timelineHeading}</Heading>
          {updates.length === 0 ? <Paragraph>{a.noUpdates}</Paragraph> : (
            <ol className="timeline">
              {updates.map((up) => (
                <li key={up.id}>
                  <Heading level={3} data-size="2xs"><time dateTime={up.happened_on}>{formatDate(up.happened_on)}</time></Heading>
                  <Paragraph className="pre-wrap">{up.body}</Paragraph>
                  {up.status && <Paragraph data-size="sm">{a.updateStatus(m.statuses[up.status])}</Paragraph>}
                  {up.progress !== null && <Paragraph data-size="sm">{a.updateProgress(up.progress)}</Paragraph>}
                </li>
              ))}
            </ol>
          )}
          {secretariat && (
            <form method="post" action={p.actionUpdate(action.id)} noValidate className="stack narrow-form" aria-labelledby="update-heading">
              <Heading level={3} data-size="xs" id="update-heading">{u.heading}</Heading>
              <ErrorSummary errors={secretariat.errors} heading={m.errorsHeading} />
              <CsrfField token={secretariat.csrfToken} />
              <TextInput id="dato" label={u.date} hint={m.actionForm.dateHint} value={secretariat.values.dato} error={secretariat.errors.dato} maxLength={10} />
              <TextArea id="tekst" label={u.body} value={secretariat.values.tekst} error={secretariat.errors.tekst} rows={4} maxLength={4000} />
              <Select id="ny_status" label={u.status} value={secretariat.values.ny_status} error={secretariat.errors.ny_status}
                options={[{ value: '', label: u.unchanged }, ...statusOptions]} />
              <TextInput id="arsak" label={u.reason} value={secretariat.values.arsak} error={secretariat.errors.arsak} maxLength={1000} />
              <TextInput id="ny_fremdrift" label={u.progress} value={secretariat.values.ny_fremdrift} error={secretariat.errors.ny_fremdrift} inputMode="numeric" maxLength={5} />
              <div className="actions"><Button type="submit">{u.submit}</Button></div>
            </form>
          )}
        </section>
      </div>
    </Layout>
  );
}
