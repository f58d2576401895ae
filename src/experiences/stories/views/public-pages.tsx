// The public pages of stories: /erfaringer (themes with excerpts, whole stories), a theme, a story.
import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { paths } from '../../../platform/paths.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { StoryTheme } from '../../../platform/db/index.ts';
import { THEMES, levelName, regionName, settingName } from '../model.ts';
import { storyPaths } from '../paths.ts';

const m = msg.experienceStories;

export const DemoTag = ({ show }: { show: boolean }) => (show ? <Tag data-color="info" data-size="sm">{m.demo}</Tag> : null);

type Excerpt = { story_id: string; theme: StoryTheme; body: string; pseudonym: string; is_demo: boolean };
type StoryCard = { id: string; pseudonym: string; age_band: keyof typeof m.ageBands; health_region_code: string; setting: string; service_level: string; interview_year: number; is_demo: boolean };

function Quote({ excerpt }: { excerpt: Excerpt }) {
  return (
    <li className="story-excerpt">
      <blockquote><Paragraph>«{excerpt.body}»</Paragraph></blockquote>
      <Paragraph data-size="sm">
        <Link href={storyPaths.story(excerpt.story_id)}>{excerpt.pseudonym}</Link> <DemoTag show={excerpt.is_demo} />
      </Paragraph>
    </li>
  );
}

export function StoryFacts({ story }: { story: StoryCard }) {
  const f = m.facts;
  return (
    <dl className="network-facts">
      <dt>{f.ageBand}</dt><dd>{m.ageBands[story.age_band]}</dd>
      <dt>{f.region}</dt><dd>{regionName(story.health_region_code)}</dd>
      <dt>{f.setting}</dt><dd>{settingName(story.setting)}</dd>
      <dt>{f.level}</dt><dd>{levelName(story.service_level)}</dd>
      <dt>{f.year}</dt><dd>{story.interview_year}</dd>
    </dl>
  );
}

export function ExperiencesPage({ excerpts, stories }: { excerpts: Excerpt[]; stories: StoryCard[] }) {
  return (
    <PageFrame title={m.title}>
      <Paragraph>{m.intro}</Paragraph>
      <Paragraph data-size="sm">{m.noTellerData}</Paragraph>
      <section aria-labelledby="themes-heading" className="stack">
        <Heading level={2} data-size="md" id="themes-heading">{m.themesHeading}</Heading>
        <ul className="theme-list">
          {THEMES.map((theme) => {
            const mine = excerpts.filter((x) => x.theme === theme);
            return (
              <li key={theme} data-theme={theme}>
                <Heading level={3} data-size="xs"><Link href={storyPaths.theme(theme)}>{m.themes[theme]}</Link></Heading>
                <Paragraph data-size="sm">{m.excerptCount(mine.length)}</Paragraph>
                {mine.length > 0 && <ul className="excerpt-list">{mine.slice(0, 2).map((x, i) => <Quote key={i} excerpt={x} />)}</ul>}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="stories-heading" className="stack">
        <Heading level={2} data-size="md" id="stories-heading">{m.storiesHeading}</Heading>
        {stories.length === 0 ? <Paragraph>{m.noStories}</Paragraph> : (
          <ul className="story-list">
            {stories.map((s) => (
              <li key={s.id}>
                <Heading level={3} data-size="xs"><Link href={storyPaths.story(s.id)}>{s.pseudonym}</Link></Heading>
                <Paragraph data-size="sm">{m.ageBands[s.age_band]} · {regionName(s.health_region_code)} · {settingName(s.setting)} <DemoTag show={s.is_demo} /></Paragraph>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Paragraph data-size="sm"><Link href={paths.experienceSurveys.overview}>{msg.experienceSurveys.overview.title}</Link></Paragraph>
      <Paragraph data-size="sm"><Link href={storyPaths.withdraw}>{m.withdrawLink}</Link></Paragraph>
    </PageFrame>
  );
}

export function ThemePage({ theme, excerpts }: { theme: StoryTheme; excerpts: Excerpt[] }) {
  return (
    <PageFrame title={`${m.themes[theme]} – ${m.title}`} heading={m.themes[theme]}>
      <Paragraph data-size="sm">{m.noTellerData}</Paragraph>
      {excerpts.length === 0 ? <Paragraph>{m.noExcerpts}</Paragraph> : <ul className="excerpt-list">{excerpts.map((x, i) => <Quote key={i} excerpt={x} />)}</ul>}
      <nav aria-label={m.allThemes}>
        <ul className="theme-links">{THEMES.filter((t) => t !== theme).map((t) => <li key={t}><Link href={storyPaths.theme(t)}>{m.themes[t]}</Link></li>)}</ul>
      </nav>
      <Paragraph data-size="sm"><Link href={storyPaths.index}>{m.back}</Link></Paragraph>
    </PageFrame>
  );
}

export function StoryPage({ story }: { story: StoryCard & { body: string; excerpts: { theme: StoryTheme; body: string }[] } }) {
  return (
    <PageFrame title={`${story.pseudonym} – ${m.title}`} heading={story.pseudonym}>
      {story.is_demo && <Alert data-color="info">{m.demo}</Alert>}
      <StoryFacts story={story} />
      {story.body.split(/\n{2,}/).map((para, i) => <Paragraph key={i}>{para}</Paragraph>)}
      {story.excerpts.length > 0 && (
        <section aria-labelledby="excerpts-heading" className="stack">
          <Heading level={2} data-size="sm" id="excerpts-heading">{m.themesHeading}</Heading>
          <ul className="excerpt-list">
            {story.excerpts.map((x, i) => (
              <li key={i}><Link href={storyPaths.theme(x.theme)}>{m.themes[x.theme]}</Link>: «{x.body}»</li>
            ))}
          </ul>
        </section>
      )}
      <Paragraph data-size="sm">{m.noTellerData}</Paragraph>
      <Paragraph data-size="sm"><Link href={storyPaths.index}>{m.back}</Link> · <Link href={storyPaths.withdraw}>{m.withdrawLink}</Link></Paragraph>
    </PageFrame>
  );
}
