import { FormPage, Select, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { KINDS, NETWORK_ROLES, type OrganizationValues } from '../forms.ts';

const m = msg.networkMembers;
const f = m.manage.fields;

export function OrganizationFormPage({ title, submit, action, values, errors, csrfToken }: {
  title: string; submit: string; action: string; values: OrganizationValues; errors: Errors; csrfToken: string;
}) {
  return (
    <FormPage title={title} intro={m.manage.intro} errors={errors} action={action} csrfToken={csrfToken} submit={submit}>
      <TextInput id="navn" label={f.navn} value={values.navn} error={errors.navn} maxLength={200} autoComplete="organization" />
      <TextInput id="slug" label={f.slug} hint={f.slugHint} value={values.slug} error={errors.slug} maxLength={80} autoComplete="off" />
      <Select id="rolle" label={f.rolle} value={values.rolle} error={errors.rolle}
        options={NETWORK_ROLES.map((role) => ({ value: role, label: m.networkRoles[role] }))} />
      <Select id="type" label={f.type} value={values.type} error={errors.type}
        options={KINDS.map((kind) => ({ value: kind, label: m.kinds[kind] }))} />
      <TextArea id="beskrivelse" label={f.beskrivelse} value={values.beskrivelse} error={errors.beskrivelse} maxLength={4000} rows={5} />
      <TextArea id="bidrag" label={f.bidrag} value={values.bidrag} error={errors.bidrag} maxLength={4000} rows={5} />
      <TextInput id="kontaktpunkt" label={f.kontaktpunkt} hint={f.kontaktpunktHint} value={values.kontaktpunkt} error={errors.kontaktpunkt} maxLength={500} />
      <TextInput id="nettsted" label={f.nettsted} hint={f.nettstedHint} type="url" value={values.nettsted} error={errors.nettsted} maxLength={500} inputMode="url" />
      <TextArea id="kilde" label={f.kilde} hint={f.kildeHint} value={values.kilde} error={errors.kilde} maxLength={1000} rows={3} />
    </FormPage>
  );
}
