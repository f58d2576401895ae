import { FormPage, Select, TextArea, type Errors } from '../../../platform/forms/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import type { OrganizationRow } from '../queries.ts';
import { REQUESTABLE_ROLES } from '../rules.ts';

const m = msg.networkMembers;

export function JoinPage({ organization, values, errors, csrfToken }: {
  organization: OrganizationRow; values: { rolle: string; melding: string }; errors: Errors; csrfToken: string;
}) {
  const j = m.join;
  return (
    <FormPage title={j.title(organization.name)} intro={j.intro} errors={errors} action={paths.network.members.join(organization.slug)}
      csrfToken={csrfToken} submit={j.submit}>
      <Select id="rolle" label={j.role} hint={j.roleHint} value={values.rolle || 'participant'} error={errors.rolle}
        options={REQUESTABLE_ROLES.map((role) => ({ value: role, label: m.roles[role] }))} />
      <TextArea id="melding" label={j.note} hint={j.noteHint} value={values.melding} error={errors.melding} maxLength={1000} />
    </FormPage>
  );
}
