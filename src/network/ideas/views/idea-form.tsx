import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { FormPage, Select, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { THEMES } from '../model.ts';

const m = msg.networkIdeas;

export const IDEA_FIELDS = ['tittel', 'beskrivelse', 'tema', 'arrangement', 'kilde'] as const;
export type IdeaValues = Record<(typeof IDEA_FIELDS)[number], string>;

/** The idea form; the secretariat also chooses whether the idea was captured on paper at a seminar. */
export function IdeaFormPage({ values, errors, events, secretariat, csrfToken }: {
  values: IdeaValues; errors: Errors; events: { id: string; title: string }[]; secretariat: boolean; csrfToken: string;
}) {
  const f = m.form;
  return (
    <FormPage title={f.title} intro={f.intro} errors={errors} action={paths.network.ideas.create} csrfToken={csrfToken} submit={f.submit}
      after={<Paragraph data-size="sm"><Link href={paths.network.ideas.index}>{m.idea.back}</Link></Paragraph>}>
      <TextInput id="tittel" label={f.ideaTitle} value={values.tittel} error={errors.tittel} maxLength={200} />
      <TextArea id="beskrivelse" label={f.description} hint={f.descriptionHint} value={values.beskrivelse} error={errors.beskrivelse} rows={6} maxLength={4000} />
      <Select id="tema" label={f.theme} value={values.tema} error={errors.tema}
        options={[{ value: '', label: f.chooseTheme }, ...THEMES.map((t) => ({ value: t, label: m.themes[t] }))]} />
      <Select id="arrangement" label={f.event} hint={f.eventHint} value={values.arrangement} error={errors.arrangement}
        options={[{ value: '', label: f.noEvent }, ...events.map((e) => ({ value: e.id, label: e.title }))]} />
      {secretariat && (
        <Select id="kilde" label={f.source} value={values.kilde || 'person'} error={errors.kilde}
          options={[{ value: 'person', label: f.sourcePerson }, { value: 'seminar', label: f.sourceSeminar }]} />
      )}
    </FormPage>
  );
}
