import { Button, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { CsrfField, ErrorSummary, TextInput, type Errors } from '../../platform/forms/index.ts';
import { SCENARIOS, type BusinessCaseResult } from '../planner/calculator.ts';
import { benefitFieldNames } from '../planner/business-case-form.ts';
import type { PlanRow } from '../planner/queries.ts';
import { formatKroner, formatNumber } from './format.ts';
import { PlanLayout } from './plan-layout.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.handbook.planner.businessCase;

export interface BusinessCasePageProps {
  plan: PlanRow;
  values: Record<string, string>;
  errors: Errors;
  result: BusinessCaseResult | null;
  csrfToken: string;
  notice?: string | null;
}

export function BusinessCasePage(props: BusinessCasePageProps) {
  const { plan, values, errors, result } = props;
  const field = (name: string, label: string, hint?: string) => (
    <TextInput key={name} id={name} label={label} hint={hint} value={values[name] ?? ''} error={errors[name]} inputMode="decimal" maxLength={20} />
  );
  return (
    <PlanLayout plan={plan} tab="businessCase" heading={m.title} notice={props.notice}>
      <Paragraph>{m.intro}</Paragraph>
      <BusinessCaseResultView result={result} percent={values.stillingsprosent ?? ''} />
      {plan.role !== 'viewer' && (
        <>
          <ErrorSummary errors={errors} heading={msg.handbook.planner.errorsHeading} />
          <form method="post" noValidate action={paths.handbook.planner.businessCase(plan.id)} data-module="unsaved-warning" data-unsaved={Object.keys(errors).length > 0 ? 'true' : undefined} className="stack business-case">
            <CsrfField token={props.csrfToken} />
            <Paragraph data-size="sm">{m.numberHint}</Paragraph>
            <fieldset className="ds-fieldset"><legend className="ds-label">{m.position}</legend>
              {field('stillingsprosent', m.positionPercent, m.positionPercentHint)}
              {field('arslonn', m.salary)}
              {field('arbeidsgiverprosent', m.employerCost, m.employerCostHint)}
            </fieldset>
            <fieldset className="ds-fieldset"><legend className="ds-label">{m.oneTime}</legend>
              {field('engang_instrumenter', m.instruments)}
              {field('engang_rom', m.room)}
              {field('engang_annet', m.other)}
            </fieldset>
            <fieldset className="ds-fieldset"><legend className="ds-label">{m.yearly}</legend>
              {field('arlig_instrumenter', m.upkeep)}
              {field('arlig_veiledning', m.supervision)}
              {field('arlig_rom', m.rent)}
              {field('arlig_annet', m.other)}
            </fieldset>
            <fieldset className="ds-fieldset"><legend className="ds-label">{m.funding}</legend>
              {field('finans_egne', m.ownBudget)}
              {field('finans_tilskudd', m.stateGrant, m.stateGrantHint)}
              {field('finans_annet', m.otherFunding)}
            </fieldset>
            <fieldset className="ds-fieldset"><legend className="ds-label">{m.benefit}</legend>
              <Paragraph data-size="sm">{m.benefitIntro}</Paragraph>
              <div className="scenario-grid">
                {SCENARIOS.map((scenario) => {
                  const names = benefitFieldNames(scenario);
                  return (
                    <fieldset key={scenario} className="ds-fieldset"><legend className="ds-label">{m.scenarios[scenario]}</legend>
                      {field(names.participants, m.participants)}
                      {field(names.dropoutReductionPoints, m.dropout, m.dropoutHint)}
                      {field(names.costPerBrokenCourse, m.brokenCost)}
                    </fieldset>
                  );
                })}
              </div>
            </fieldset>
            <div className="actions"><Button type="submit">{m.submit}</Button></div>
          </form>
        </>
      )}
    </PlanLayout>
  );
}

export function BusinessCaseResultView({ result, percent }: { result: BusinessCaseResult | null; percent: string }) {
  if (!result) return <><h2 className="ds-heading" data-size="sm">{m.resultHeading}</h2><Paragraph>{m.needRequired}</Paragraph></>;
  const rows: [string, number][] = [
    [m.salaryLine(percent), result.salaryCost],
    [m.employerLine, result.employerCost],
    [m.personnelLine, result.personnelCost],
    [m.otherYearlyLine, result.otherYearlyCost],
    [m.yearlyLine, result.yearlyCost],
    [m.oneTimeLine, result.oneTimeCost],
    [m.firstYearLine, result.firstYearCost],
    [m.fundingLine, result.fundingPerYear],
    [result.yearlyGap >= 0 ? m.gapLine : m.surplusLine, Math.abs(result.yearlyGap)],
    [m.firstYearGapLine, Math.max(0, result.firstYearGap)],
  ];
  return (
    <>
      <h2 className="ds-heading" data-size="sm">{m.resultHeading}</h2>
      <DataTable className="money" caption={m.costCaption} rows={rows} rowKey={([label]) => label} columns={[
        { header: m.line, rowHeader: true, cell: ([label]) => label },
        { header: m.amount, cell: ([, value]) => formatKroner(value) },
      ]} />
      <h2 className="ds-heading" data-size="sm">{m.sensitivityHeading}</h2>
      {result.sensitivity.length === 0 ? <Paragraph>{m.noScenarios}</Paragraph> : (
        <DataTable className="money" caption={m.sensitivityCaption} rows={result.sensitivity} rowKey={(s) => s.scenario} columns={[
          { header: m.scenario, rowHeader: true, cell: (s) => m.scenarios[s.scenario] },
          { header: m.participants, cell: (s) => formatNumber(s.assumption.participants) },
          { header: m.dropout, cell: (s) => formatNumber(s.assumption.dropoutReductionPoints) },
          { header: m.brokenCost, cell: (s) => formatKroner(s.assumption.costPerBrokenCourse) },
          { header: m.avoided, cell: (s) => formatNumber(s.avoidedBrokenCourses) },
          { header: m.avoidedCost, cell: (s) => formatKroner(s.avoidedCost) },
          { header: m.net, cell: (s) => formatKroner(s.netPerYear) },
          { header: m.breakEven, cell: (s) => (s.breakEvenCourses === null ? m.breakEvenNoCost : formatNumber(s.breakEvenCourses)) },
        ]} />
      )}
    </>
  );
}
