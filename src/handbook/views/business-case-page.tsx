import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { nb } from '../../platform/i18n/nb.ts';
import { paths } from '../../platform/paths.ts';
import { CsrfField, ErrorSummary, TextInput, type Errors } from '../../platform/forms/index.ts';
import { SCENARIOS, type BusinessCaseResult } from '../planner/calculator.ts';
import { benefitFieldNames } from '../planner/business-case-form.ts';
import type { PlanRow } from '../planner/queries.ts';
import { formatKroner, formatNumber } from './format.ts';
import { PlanLayout } from './plan-layout.tsx';

const m = nb.handbook.planner.businessCase;

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
          <ErrorSummary errors={errors} heading={nb.handbook.planner.errorsHeading} />
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
      <Table className="money">
        <caption>{m.costCaption}</caption>
        <Table.Head><Table.Row><Table.HeaderCell>{m.line}</Table.HeaderCell><Table.HeaderCell>{m.amount}</Table.HeaderCell></Table.Row></Table.Head>
        <Table.Body>
          {rows.map(([label, value]) => <Table.Row key={label}><Table.HeaderCell scope="row">{label}</Table.HeaderCell><Table.Cell>{formatKroner(value)}</Table.Cell></Table.Row>)}
        </Table.Body>
      </Table>
      <h2 className="ds-heading" data-size="sm">{m.sensitivityHeading}</h2>
      {result.sensitivity.length === 0 ? <Paragraph>{m.noScenarios}</Paragraph> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.sensitivityHeading}>
          <Table className="money">
            <caption>{m.sensitivityCaption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{m.scenario}</Table.HeaderCell>
                <Table.HeaderCell>{m.participants}</Table.HeaderCell>
                <Table.HeaderCell>{m.dropout}</Table.HeaderCell>
                <Table.HeaderCell>{m.brokenCost}</Table.HeaderCell>
                <Table.HeaderCell>{m.avoided}</Table.HeaderCell>
                <Table.HeaderCell>{m.avoidedCost}</Table.HeaderCell>
                <Table.HeaderCell>{m.net}</Table.HeaderCell>
                <Table.HeaderCell>{m.breakEven}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.sensitivity.map((s) => (
                <Table.Row key={s.scenario}>
                  <Table.HeaderCell scope="row">{m.scenarios[s.scenario]}</Table.HeaderCell>
                  <Table.Cell>{formatNumber(s.assumption.participants)}</Table.Cell>
                  <Table.Cell>{formatNumber(s.assumption.dropoutReductionPoints)}</Table.Cell>
                  <Table.Cell>{formatKroner(s.assumption.costPerBrokenCourse)}</Table.Cell>
                  <Table.Cell>{formatNumber(s.avoidedBrokenCourses)}</Table.Cell>
                  <Table.Cell>{formatKroner(s.avoidedCost)}</Table.Cell>
                  <Table.Cell>{formatKroner(s.netPerYear)}</Table.Cell>
                  <Table.Cell>{s.breakEvenCourses === null ? m.breakEvenNoCost : formatNumber(s.breakEvenCourses)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
