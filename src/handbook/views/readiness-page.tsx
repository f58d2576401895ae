import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { CsrfField, ErrorSummary, RadioGroup, type Errors } from '../../platform/forms/index.ts';
import { DOMAINS, SCALE, STATEMENTS, type ReadinessProfile } from '../planner/readiness.ts';
import type { PlanRow } from '../planner/queries.ts';
import { formatNumber } from './format.ts';
import { PlanLayout } from './plan-layout.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.handbook.planner.readiness;

export interface ReadinessPageProps {
  plan: PlanRow;
  profile: ReadinessProfile;
  typed: Record<string, string>;
  errors: Errors;
  /** titles of the sections the weakest areas point to */
  sectionTitles: Map<string, string>;
  csrfToken: string;
  notice?: string | null;
}

export function ReadinessPage(props: ReadinessPageProps) {
  const { plan, profile, typed, errors } = props;
  const options = [...SCALE.map((n) => ({ value: String(n), label: m.scale[n]! })), { value: '', label: m.unanswered }];
  return (
    <PlanLayout plan={plan} tab="readiness" heading={m.title} notice={props.notice}>
      <Paragraph>{m.intro}</Paragraph>
      <h2 className="ds-heading" data-size="sm">{m.profileHeading}</h2>
      <DataTable caption={m.profileCaption} rows={profile.domains} rowKey={(domain) => domain.id} columns={[
        { header: m.area, rowHeader: true, cell: (domain) => <>{domain.name}<br /><span className="subtle">{domain.description}</span></> },
        { header: m.average, cell: (domain) => (domain.average === null ? m.notAnswered : <><meter min={1} max={5} value={domain.average} aria-hidden="true" /> {formatNumber(domain.average)}</>) },
        { header: m.answered, cell: (domain) => m.answeredOf(domain.answered, domain.total) },
      ]} />
      <h2 className="ds-heading" data-size="sm">{m.weakestHeading}</h2>
      {profile.answered === 0 ? <Paragraph>{m.noWeakest}</Paragraph> : profile.weakest.length === 0 ? <Paragraph>{m.allStrong}</Paragraph> : (
        <>
          <Paragraph>{m.weakestIntro}</Paragraph>
          {profile.weakest.map((weak) => (
            <div key={weak.domain.id} className="weak-area">
              <h3 className="ds-heading" data-size="xs">{weak.domain.name} ({formatNumber(weak.domain.average!)})</h3>
              <ul>{weak.lowStatements.map((s) => <li key={s.id}>{s.text}</li>)}</ul>
              <Paragraph data-size="sm">{m.handbookSays}</Paragraph>
              <ul>{weak.sections.map((slug) => <li key={slug}><Link href={paths.handbook.section(slug)}>{props.sectionTitles.get(slug) ?? slug}</Link></li>)}</ul>
            </div>
          ))}
        </>
      )}
      {plan.role !== 'viewer' && (
        <>
          <ErrorSummary errors={errors} heading={msg.handbook.planner.errorsHeading} />
          <form method="post" noValidate action={paths.handbook.planner.readiness(plan.id)} data-module="unsaved-warning" data-unsaved={Object.keys(errors).length > 0 ? 'true' : undefined} className="stack">
            <CsrfField token={props.csrfToken} />
            {DOMAINS.map((domain) => (
              <section key={domain.id} aria-labelledby={`omrade-${domain.id}`}>
                <h2 className="ds-heading" data-size="xs" id={`omrade-${domain.id}`}>{domain.name}</h2>
                {STATEMENTS.filter((s) => s.domain === domain.id).map((statement) => (
                  <RadioGroup key={statement.id} id={statement.id} name={statement.id} legend={statement.text} options={options} value={typed[statement.id] ?? ''} error={errors[statement.id]} inline />
                ))}
              </section>
            ))}
            <div className="actions"><Button type="submit">{m.submit}</Button></div>
          </form>
        </>
      )}
    </PlanLayout>
  );
}
