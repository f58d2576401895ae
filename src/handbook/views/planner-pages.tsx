import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextInput, type Errors } from '../../platform/forms/index.ts';
import { SETTINGS, SETTING_BY_CODE, SERVICE_LEVELS, serviceLevelName } from '../planner/settings.ts';
import type { PlanRow } from '../planner/queries.ts';

const m = msg.handbook.planner;

export function PlannerIndexPage({ plans }: { plans: PlanRow[] }) {
  return (
    <Layout title={m.indexTitle}>
      <Heading level={1} data-size="lg">{m.indexTitle}</Heading>
      <Paragraph className="lead">{m.intro}</Paragraph>
      <Paragraph><a href={paths.handbook.planner.create} className="ds-button" data-variant="primary">{m.start}</a></Paragraph>
      {plans.length === 0 ? <Paragraph>{m.noPlans}</Paragraph> : (
        <ul className="plan-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <Heading level={2} data-size="xs"><Link href={paths.handbook.planner.plan(plan.id)}>{plan.title}</Link></Heading>
              <Paragraph data-size="sm">
                {plan.organization_name} · {plan.municipality_name} · {SETTING_BY_CODE.get(plan.setting)?.name ?? plan.setting} · {m.roles[plan.role]} · {m.updated(formatDate(plan.updated_at))}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface NewPlanValues {
  tittel: string;
  virksomhet: string;
  tjenestested: string;
  kommune: string;
  niva: string;
}

export function NewPlanPage({ values, errors, municipalities, csrfToken }: { values: NewPlanValues; errors: Errors; municipalities: { number: string; name: string; county_name: string }[]; csrfToken: string }) {
  const c = m.create;
  return (
    <Layout title={c.title}>
      <Paragraph data-size="sm"><Link href={paths.handbook.planner.index}>{m.indexTitle}</Link></Paragraph>
      <Heading level={1} data-size="lg">{c.title}</Heading>
      <Paragraph>{c.intro}</Paragraph>
      <ErrorSummary errors={errors} heading={m.errorsHeading} />
      <form method="post" noValidate action={paths.handbook.planner.create} className="stack narrow-form">
        <CsrfField token={csrfToken} />
        <TextInput id="tittel" label={c.planTitle} hint={c.planTitleHint} value={values.tittel} error={errors.tittel} maxLength={200} />
        <TextInput id="virksomhet" label={c.organization} hint={c.organizationHint} value={values.virksomhet} error={errors.virksomhet} maxLength={200} autoComplete="organization" />
        <Select id="tjenestested" label={c.setting} value={values.tjenestested} error={errors.tjenestested}
          options={[{ value: '', label: c.settingChoose }, ...SETTINGS.map((s) => ({ value: s.code, label: s.name }))]} />
        <Select id="kommune" label={c.municipality} hint={c.municipalityHint} value={values.kommune} error={errors.kommune}
          options={[{ value: '', label: c.municipalityChoose }, ...municipalities.map((mu) => ({ value: mu.number, label: `${mu.name} (${mu.county_name})` }))]} />
        <RadioGroup id="niva" name="niva" legend={c.serviceLevel} value={values.niva} error={errors.niva}
          options={SERVICE_LEVELS.map((level) => ({ value: level, label: serviceLevelName(level) }))} />
        <div className="actions"><Button type="submit">{c.submit}</Button></div>
      </form>
    </Layout>
  );
}
