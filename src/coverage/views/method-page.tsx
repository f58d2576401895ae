// "Slik har vi regnet": the method in plain words, a worked example computed by the atlas's own
// code, the choices and their defaults, what 0, "–" and "mangler" mean, the population year, sources.
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg, formatList } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { assetUrl } from '../../platform/http/assets.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { GRAVITY_DEFAULTS } from '../settings.ts';
import type { AccessibilitySettings } from '../types.ts';
import { number, ratio } from './format.ts';
import type { SourceFacts } from './sections.tsx';
import { EXAMPLE, workedExample } from './worked-example.ts';

const c = msg.coverage;
const m = c.methodPage;

export interface MethodPageProps {
  facts: SourceFacts;
  settings: AccessibilitySettings;
  showsDemoData: boolean;
}

const weightText = (w: number) => number(w, 2, true);
const unitText = (unit: 'km' | 'min') => (unit === 'km' ? 'km' : 'min');

/** "vekt 1,00 fra 0 til 20 km, vekt 0,68 fra 20 til 40 km og vekt 0,22 fra 40 til 60 km" from the settings in use. */
export function zonesText(settings: AccessibilitySettings, unit: 'km' | 'min'): string {
  if (settings.method === '2sfca') return m.zone(weightText(1), '0', `${number(settings.catchmentKm)} ${unitText(unit)}`);
  if (settings.decay.kind === 'gaussian') return m.zone('exp(−½(d/σ)²)', '0', `${number(settings.catchmentKm)} ${unitText(unit)}`);
  if (settings.decay.kind === 'gravity') {
    const beta = settings.decay.beta ?? GRAVITY_DEFAULTS.beta;
    const minKm = settings.decay.minKm ?? GRAVITY_DEFAULTS.minKm;
    return m.zone(`(max(d, ${number(minKm)}) / ${number(minKm)})^−${number(beta)}`, '0', `${number(settings.catchmentKm)} ${unitText(unit)}`);
  }
  let from = 0;
  return formatList(settings.decay.zones.map((z) => {
    const text = m.zone(weightText(z.weight), number(from), `${number(z.upToKm)} ${unitText(unit)}`);
    from = z.upToKm;
    return text;
  }));
}

function Example({ settings, unit }: { settings: AccessibilitySettings; unit: 'km' | 'min' }) {
  const example = workedExample(settings);
  const placeName = (id: string) => m.placeName(id);
  const offerName = (id: string) => m.offerName(id);
  return (
    <section aria-labelledby="eksempel" className="atlas-section">
      <Heading level={2} data-size="sm" id="eksempel">{m.exampleHeading}</Heading>
      <Paragraph>{m.exampleIntro}</Paragraph>
      <DataTable zebra border id="eksempel-steder" caption={m.placesCaption} rows={EXAMPLE.places} rowKey={(p) => p.id} columns={[
        { header: m.place, rowHeader: true, cell: (p) => placeName(p.id) },
        { header: m.inhabitants, cell: (p) => number(p.population) },
        ...EXAMPLE.offers.map((o) => ({ header: m.distanceTo(offerName(o.id), unit), cell: (p: (typeof EXAMPLE.places)[number]) => number(EXAMPLE.distances[p.id]![o.id]!) })),
      ]} />
      <DataTable zebra border id="eksempel-tilbud" caption={m.offersCaption} rows={EXAMPLE.offers} rowKey={(o) => o.id} columns={[
        { header: m.offer, rowHeader: true, cell: (o) => offerName(o.id) },
        { header: m.fte, cell: (o) => number(o.fte, 2) },
      ]} />
      <Heading level={3} data-size="xs" id="steg-1">{m.step1Heading}</Heading>
      <Paragraph>{m.step1Intro(zonesText(settings, unit), m.within(number(settings.catchmentKm), unit))}</Paragraph>
      {example.step1.map((o) => (
        <div key={o.offer} className="method-step">
          <DataTable zebra border id={`steg-1-${o.offer.toLowerCase()}`} caption={m.step1Caption(offerName(o.offer))} rows={o.shares} rowKey={(s) => s.place} columns={[
            { header: m.place, rowHeader: true, cell: (s) => placeName(s.place) },
            { header: `${m.distance} (${unitText(unit)})`, cell: (s) => number(s.distance) },
            { header: m.weight, cell: (s) => weightText(s.weight) },
            { header: m.weighted, cell: (s) => number(s.weighted, 1) },
          ]} last={<tr><th scope="row">{m.total}</th><td /><td /><td>{number(o.total, 1)}</td></tr>} />
          <Paragraph data-steg1={o.offer}>{o.ratio === null ? m.step2Nothing(offerName(o.offer)) : m.step1Result(offerName(o.offer), number(o.fte, 2), number(o.total, 1), ratio(o.ratio, 3))}</Paragraph>
        </div>
      ))}
      <Heading level={3} data-size="xs" id="steg-2">{m.step2Heading}</Heading>
      <Paragraph>{m.step2Intro}</Paragraph>
      <ul>
        {example.step2.map((p) => (
          <li key={p.place} data-steg2={p.place}>
            {p.parts.length === 0
              ? m.step2Nothing(placeName(p.place))
              : m.step2Row(placeName(p.place), p.parts.map((part) => `${weightText(part.weight)} × ${ratio(part.ratio, 3)}`).join(' + '), ratio(p.score, 3))}
          </li>
        ))}
      </ul>
      <Paragraph id="eksempel-kontroll">{m.step2Check(number(example.conserved, 2))}</Paragraph>
    </section>
  );
}

export function MethodPage({ facts, settings, showsDemoData }: MethodPageProps) {
  const unit = facts.distance.unit;
  const catchment = m.within(number(settings.catchmentKm), unit);
  return (
    <Layout title={m.title} description={m.lead} showsDemoData={showsDemoData}>
      <link rel="stylesheet" href={assetUrl('atlas.css')} />
      <Paragraph><Link href={paths.coverage.atlas}>{m.back}</Link></Paragraph>
      <Heading level={1} data-size="lg">{m.title}</Heading>
      <Paragraph className="lead">{m.lead}</Paragraph>
      <Example settings={settings} unit={unit} />
      <section aria-labelledby="valg" className="atlas-section">
        <Heading level={2} data-size="sm" id="valg">{m.choicesHeading}</Heading>
        <ul>
          <li>{m.catchment(catchment)}</li>
          <li>{m.zones(zonesText(settings, unit))}</li>
          <li data-avstand={facts.distance.kind}>{facts.distance.kind === 'great-circle' ? m.greatCircle : m.travelTime}</li>
          <li>{m.sites}</li>
          <li>{m.digital}</li>
          <li id="mangelklasser">{m.shortage(c.method.shortage(unit))}</li>
          <li>{m.inequality}</li>
          <li>{m.placement}</li>
        </ul>
        <Paragraph><Link href={`${paths.coverage.atlas}#beregningsmate`}>{c.method.chooseLink}</Link></Paragraph>
        <Heading level={3} data-size="xs">{m.termsHeading}</Heading>
        <Paragraph>{m.terms}</Paragraph>
      </section>
      <section aria-labelledby="null-og-mangler" className="atlas-section">
        <Heading level={2} data-size="sm" id="null-og-mangler">{m.zeroHeading}</Heading>
        <ul>
          <li>{m.zero}</li>
          <li>{m.dash}</li>
          <li>{m.missing}</li>
        </ul>
      </section>
      <section aria-labelledby="folketall" className="atlas-section">
        <Heading level={2} data-size="sm" id="folketall">{m.populationHeading}</Heading>
        <Paragraph id="folketall-ar">{facts.populationDate ? m.population(formatDate(facts.populationDate), facts.populationDate.slice(0, 4)) : m.populationNone}</Paragraph>
      </section>
      <section aria-labelledby="kilder" className="atlas-section">
        <Heading level={2} data-size="sm" id="kilder">{m.referencesHeading}</Heading>
        <ul className="references">
          {m.references.map((r) => (
            <li key={r.doi}>{r.text} <Link href={`https://doi.org/${r.doi}`}>{`doi:${r.doi}`}</Link></li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
