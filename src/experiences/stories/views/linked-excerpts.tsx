// Excerpts quoted on another domain's page (a handbook section, an evidence entry, an offer's page):
// one or two quotes under pseudonym, each linked to its whole story when the teller consented to the
// website, and links to the themes' pages.
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import type { StoryTheme } from '../../../platform/db/index.ts';
import type { LinkedExcerpt } from '../queries.ts';
import { storyPaths } from '../paths.ts';
import { DemoTag } from './public-pages.tsx';

const m = msg.experienceStories;

export function LinkedExcerpts({ excerpts, heading = m.linked.heading, intro, level = 2 }: {
  excerpts: LinkedExcerpt[]; heading?: string; intro: string; level?: 2 | 3;
}) {
  const themes = [...new Set(excerpts.map((x) => x.theme))] as StoryTheme[];
  return (
    <section aria-labelledby="erfaringer-fra-brukere" className="stack linked-excerpts">
      <Heading level={level} data-size={level === 2 ? 'sm' : 'xs'} id="erfaringer-fra-brukere">{heading}</Heading>
      <Paragraph data-size="sm">{intro}</Paragraph>
      <ul className="excerpt-list">
        {excerpts.map((x) => (
          <li key={x.story_id} className="story-excerpt" data-story={x.story_id}>
            <blockquote><Paragraph>«{x.body}»</Paragraph></blockquote>
            <Paragraph data-size="sm">
              {x.linkable ? <Link href={storyPaths.story(x.story_id)}>{m.linked.told(x.pseudonym)}</Link> : m.linked.told(x.pseudonym)}
              {' '}<DemoTag show={x.is_demo} />
            </Paragraph>
          </li>
        ))}
      </ul>
      <ul className="theme-links">
        {themes.map((t) => <li key={t}><Link href={storyPaths.theme(t)}>{m.linked.more(m.themes[t].toLocaleLowerCase('nb'))}</Link></li>)}
        <li><Link href={storyPaths.index}>{m.linked.all}</Link></li>
      </ul>
    </section>
  );
}
