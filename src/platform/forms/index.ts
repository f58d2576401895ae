// The form kit every domain uses: body schemas and schema errors as messages, the fields, the
// error summary, the CSRF field and a page with one form.
export { CSRF_FIELD } from './csrf.ts';
export { Email, EMAIL_PATTERN, FormBody, formErrors, typed } from './body.ts';
export { CsrfField, FormErrors, TextInput, TextArea, Select, CheckboxInput, type Errors } from './fields.tsx';
export { FormPage } from './form-page.tsx';
