import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { telHref } from './components.tsx';

const m = msg.service.helpNow;
type HelpLine = (typeof m.emergency)[number] | (typeof m.lines)[number];

function Line({ line }: { line: HelpLine }) {
  return (
    <li className="help-line">
      <Link className="help-line__number" href={telHref(line.number) ?? undefined}>{line.number}</Link>
      <span className="help-line__name">{line.name}{line.hours ? ` – ${line.hours}` : ''}</span>
      <span className="help-line__source">
        {m.source}: <Link href={line.source.url} rel="external noopener">{line.source.name}<span className="visually-hidden"> {m.external}</span></Link>
      </span>
    </li>
  );
}

/**
 * Where to turn when waiting for a music-therapy place is not an option: emergency numbers first,
 * then help lines behind a disclosure (works without JavaScript). Every number carries its source.
 */
export function HelpNow() {
  return (
    <aside className="help-now" aria-labelledby="help-now-heading">
      <Heading level={2} data-size="xs" id="help-now-heading">{m.heading}</Heading>
      <Paragraph data-size="sm">{m.intro}</Paragraph>
      <ul className="help-lines">{m.emergency.map((line) => <Line key={line.number} line={line} />)}</ul>
      <details className="help-more">
        <summary>{m.more}</summary>
        <ul className="help-lines">{m.lines.map((line) => <Line key={line.number} line={line} />)}</ul>
      </details>
      <Paragraph data-size="xs" className="source">{m.checked}</Paragraph>
    </aside>
  );
}
