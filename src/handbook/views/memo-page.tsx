import { Button, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { CsrfField, ErrorSummary, TextArea, type Errors } from '../../platform/forms/index.ts';
import { MEMO_FIELDS } from '../planner/forms.ts';
import type { PlanRow } from '../planner/queries.ts';
import { PlanLayout } from './plan-layout.tsx';

const m = msg.handbook.planner.memo;

export function MemoPage({ plan, values, errors, csrfToken, notice }: { plan: PlanRow; values: Record<string, string>; errors: Errors; csrfToken: string; notice?: string | null }) {
  return (
    <PlanLayout plan={plan} tab="memo" heading={m.title} notice={notice}>
      <Paragraph>{m.intro}</Paragraph>
      {plan.role === 'viewer' ? (
        <dl className="memo-read">
          {MEMO_FIELDS.map((name) => <div key={name}><dt>{m.fields[name]}</dt><dd>{values[name] || '–'}</dd></div>)}
        </dl>
      ) : (
        <>
          <ErrorSummary errors={errors} heading={msg.handbook.planner.errorsHeading} />
          <form method="post" noValidate action={paths.handbook.planner.memo(plan.id)} data-module="unsaved-warning" data-unsaved={Object.keys(errors).length > 0 ? 'true' : undefined} className="stack">
            <CsrfField token={csrfToken} />
            {MEMO_FIELDS.map((name) => (
              <TextArea key={name} id={name} label={m.fields[name]!} hint={m.hints[name]} value={values[name] ?? ''} error={errors[name]} rows={name === 'oppgaver' ? 6 : 4} maxLength={5000} />
            ))}
            <div className="actions"><Button type="submit">{msg.handbook.planner.save}</Button></div>
          </form>
        </>
      )}
    </PlanLayout>
  );
}
