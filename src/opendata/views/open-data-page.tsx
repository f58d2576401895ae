import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { App } from '../../platform/http/app.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { sendCsvFile } from '../../platform/csv.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { PageFrame } from '../../platform/views/page-frame.tsx';
import { freshnessSettings, TEMPLATE_COLUMNS, FACETS, TERMS, facetDescription, facetLabel } from '../../directory/index.ts';

const m = msg.openData;
const e = m.endpoints;

/** Paths are shown as written; a few as links so they can be tried straight away. */
function EndpointTable({ caption, rows }: { caption: string; rows: [string, string, boolean][] }) {
  return (
    <DataTable zebra border caption={caption} rows={rows} rowKey={([path]) => path} columns={[
      { header: m.endpointHeader, rowHeader: true, cell: ([path, , link]) => (link ? <Link href={path}><code>{path}</code></Link> : <code>{path}</code>) },
      { header: m.whatHeader, cell: ([, what]) => what },
    ]} />
  );
}

function Examples({ urls }: { urls: string[] }) {
  return (
    <>
      <Heading level={3} data-size="xs">{m.exampleHeading}</Heading>
      <ul>{urls.map((url) => <li key={url}><Link href={url}><code>{url}</code></Link></li>)}</ul>
    </>
  );
}

function templateMeaning(column: string): string {
  const facet = FACETS.find((f) => f.id === column);
  if (!facet) return m.template[column] ?? '';
  const codes = TERMS.filter((t) => t.facet === facet).map((t) => t.code).join(', ');
  return `${facetLabel(facet.id)}: ${facetDescription(facet.id)}. ${m.codesNote(codes)}`;
}

export function OpenDataPage() {
  const h = paths.hsds;
  return (
    <PageFrame title={m.title} className="stack detail">
      <Paragraph className="lead">{m.lead}</Paragraph>

      <Heading level={2} data-size="sm">{m.offeredHeading}</Heading>
      <ul>{m.offered.map((text) => <li key={text}>{text}</li>)}</ul>
      <Paragraph>{m.noPatientData}</Paragraph>
      <Paragraph>{m.freshness(freshnessSettings().hiddenMonths)}</Paragraph>

      <Heading level={2} data-size="sm">{m.licenceHeading}</Heading>
      <Paragraph>{m.licence}</Paragraph>
      <Paragraph>{m.licenceWhy}</Paragraph>
      <Paragraph>{m.attributionAsk} <q>{m.attributionText}</q></Paragraph>
      <Paragraph><Link href="https://data.norge.no/nlod/no/2.0">{m.licenceLink}</Link></Paragraph>

      <Heading level={2} data-size="sm">{m.marksHeading}</Heading>
      <Paragraph>{m.demo}</Paragraph>
      <Paragraph>{m.confidential}</Paragraph>

      <Heading level={2} data-size="sm">{m.hsdsHeading}</Heading>
      <Paragraph>{m.hsds}</Paragraph>
      <EndpointTable caption={`${m.endpointsCaption}: HSDS`} rows={[
        [h.root, e.hsdsRoot, true], [h.openapi, e.hsdsOpenapi, true], [h.profile, e.profile, true], [h.services, e.services, true], [`${h.services}/{id}`, e.service, false],
        [h.serviceAtLocations, e.serviceAtLocations, true], [h.organizations, e.organizations, true], [h.taxonomies, e.taxonomies, true],
        [h.taxonomyTerms, e.taxonomies, true], [h.tabular, e.tabular, false],
      ]} />
      <Examples urls={[
        `${h.services}?search=band&per_page=10`, `${h.services}?full=true&format=ndjson`,
        `${h.serviceAtLocations}?postcode=0150&proximity=25000`, `${h.services}?modified_after=2026-01-01`,
      ]} />

      <Heading level={2} data-size="sm">{m.fhirHeading}</Heading>
      <Paragraph>{m.fhir}</Paragraph>
      <EndpointTable caption={`${m.endpointsCaption}: FHIR`} rows={[
        [paths.fhir.metadata, e.fhirMetadata, true], [`${paths.fhir.base}/HealthcareService`, e.fhirServices, true],
        [`${paths.fhir.base}/Location`, e.fhirLocations, true], [`${paths.fhir.base}/CodeSystem`, e.fhirCodeSystems, true],
      ]} />
      <Examples urls={[
        `${paths.fhir.base}/HealthcareService?service-category=niva|lavterskel&_count=10`,
        `${paths.fhir.base}/HealthcareService?address-postalcode=0150`, `${paths.fhir.base}/Location?near=59.91|10.75|5|km`,
        `${paths.fhir.base}/HealthcareService?_summary=count`, `${paths.fhir.codeSystem('samklang-arena')}`,
      ]} />

      <Heading level={2} data-size="sm">{m.csvHeading}</Heading>
      <Paragraph>{m.csv}</Paragraph>
      <ul>{m.csvVariants.map((text) => <li key={text}>{text}</li>)}</ul>
      <Paragraph><Link href={paths.servicesCsv}>{m.csvDownload}</Link></Paragraph>
      <Paragraph><Link href={`${paths.servicesCsv}?sep=,`}>{m.csvDownloadComma}</Link></Paragraph>
      <EndpointTable caption={`${m.endpointsCaption}: CSV`} rows={[[paths.servicesCsv, e.csv, true]]} />
      <Examples urls={[`${paths.servicesCsv}?niva=lavterskel`, `${paths.servicesCsv}?sted=Bergen&innen=50`, `${paths.servicesCsv}?niva=lavterskel&sep=,`]} />

      <Heading level={2} data-size="sm">{m.syncHeading}</Heading>
      <Paragraph>{m.sync}</Paragraph>

      <Heading level={2} data-size="sm">{m.importHeading}</Heading>
      <Paragraph>{m.import}</Paragraph>
      <Paragraph><Link href={paths.imports.index}>{m.importLink}</Link></Paragraph>
      <Paragraph><code>npm run import -- fil.json --dry-run</code></Paragraph>
      <Paragraph><Link href={paths.openData.importTemplate} download>{m.templateLink}</Link></Paragraph>
      <Heading level={3} data-size="xs">{m.templateHeading}</Heading>
      <DataTable zebra border caption={m.templateCaption} rows={TEMPLATE_COLUMNS} rowKey={(column) => column} columns={[
        { header: m.columnHeader, rowHeader: true, cell: (column) => <code>{column}</code> },
        { header: m.meaningHeader, cell: (column) => templateMeaning(column) },
      ]} />

      <Heading level={2} data-size="sm">{m.attributionHeading}</Heading>
      <Paragraph>{m.attributionIntro}</Paragraph>
      <ul>{m.attributions.map((text) => <li key={text}>{text}</li>)}</ul>
    </PageFrame>
  );
}

export async function openDataPageRoutes(app: App) {
  app.get(paths.openData.page, async (_request, reply) => sendPage(reply, OpenDataPage()));
  app.get(paths.openData.importTemplate, async (_request, reply) => sendCsvFile(reply, 'samklang-importmal.csv', [[...TEMPLATE_COLUMNS]], { delimiter: ';' }));
}
