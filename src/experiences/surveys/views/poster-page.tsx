import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';

const m = msg.experienceSurveys.poster;

/** For the offer's editors: the QR code (inline SVG), the short link and the A4 poster. */
export function PosterPage({ service, url, svg }: { service: { id: string; name: string }; url: string; svg: string }) {
  return (
    <PageFrame title={m.title(service.name)} className="stack detail">
      <Paragraph>{m.intro}</Paragraph>
      <div className="survey-qr" role="img" aria-label={m.qrAlt(url)} dangerouslySetInnerHTML={{ __html: svg }} />
      <Paragraph className="pre-wrap">{m.link}: <Link href={url}>{url}</Link></Paragraph>
      <Paragraph><Link href={paths.experienceSurveys.posterPdf(service.id)} download>{m.download}</Link></Paragraph>
      <Paragraph><Link href={paths.experienceSurveys.results(service.id)}>{msg.experienceSurveys.backToService}</Link></Paragraph>
    </PageFrame>
  );
}
