import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { formatDateTime } from './format.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { withContext, type DiffLine } from '../diff.ts';
import type { RevisionRow } from '../queries.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

export function HistoryPage({ slug, title, revisions }: { slug: string; title: string; revisions: RevisionRow[] }) {
  const m = msg.handbook.historyPage;
  return (
    <Layout title={m.title(title)}>
      <Paragraph data-size="sm"><Link href={paths.handbook.section(slug)}>{msg.handbook.editor.back}</Link></Paragraph>
      <Heading level={1} data-size="lg">{m.title(title)}</Heading>
      <DataTable caption={m.caption} captionClassName="visually-hidden" rows={revisions} rowKey={(revision) => revision.id} columns={[
        { header: m.version, cell: (revision) => (revision.number > 1 ? <Link href={paths.handbook.revision(slug, revision.number)}>{m.versionLink(revision.number)}</Link> : m.versionLink(revision.number)) },
        { header: m.when, cell: (revision) => formatDateTime(revision.created_at) },
        { header: m.origin, cell: (revision) => (revision.origin === 'file' ? m.fromFile : revision.author ? m.fromBrowser(revision.author) : m.fromDeletedAccount) },
        { header: m.note, cell: (revision) => revision.note ?? '' },
      ]} />
    </Layout>
  );
}

export interface FieldDiff {
  label: string;
  lines: DiffLine[];
}

/** What one version changed against the one before, field by field; + and − are written out, not only coloured. */
export function RevisionPage({ slug, title, number, diffs }: { slug: string; title: string; number: number; diffs: FieldDiff[] }) {
  const m = msg.handbook.historyPage;
  return (
    <Layout title={m.diffTitle(number, title)}>
      <Paragraph data-size="sm"><Link href={paths.handbook.history(slug)}>{m.back}</Link></Paragraph>
      <Heading level={1} data-size="lg">{m.diffTitle(number, title)}</Heading>
      {diffs.every((d) => d.lines.every((l) => l.kind === 'same')) && <Paragraph>{m.noChanges}</Paragraph>}
      {diffs.filter((d) => d.lines.some((l) => l.kind !== 'same')).map((d) => (
        <section key={d.label} aria-label={d.label}>
          <Heading level={2} data-size="xs">{d.label}</Heading>
          <ol className="diff">
            {withContext(d.lines).map((line, index) => line.kind === 'gap'
              ? <li key={index} className="diff__gap">{m.unchangedLines(line.count)}</li>
              : (
                <li key={index} className={`diff__${line.kind}`}>
                  {line.kind === 'added' ? <ins><span className="visually-hidden">{m.added}</span>+ {line.text}</ins>
                    : line.kind === 'removed' ? <del><span className="visually-hidden">{m.removed}</span>− {line.text}</del>
                      : <span>{'  '}{line.text}</span>}
                </li>
              ))}
          </ol>
        </section>
      ))}
    </Layout>
  );
}
