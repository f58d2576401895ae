// The form kit every domain uses: body schemas and schema errors as messages, the fields, the
// error summary, the CSRF field and a page with one form.
export { CSRF_FIELD } from './csrf.ts';
export { Email, EMAIL_PATTERN, FormBody, formErrors, typed } from './body.ts';
export { describedBy } from './described-by.ts';
export { normaliseDate } from './date.ts';
export { ErrorSummary, type Errors } from './error-summary.tsx';
export { CsrfField, TextInput, TextArea, Select, CheckboxInput, RadioGroup } from './fields.tsx';
export { FormPage } from './form-page.tsx';
