import { ErrorSummary as Summary } from '@digdir/designsystemet-react';
import { msg } from '../i18n/index.ts';

/** Field id → message. */
export type Errors = Record<string, string>;

/**
 * GOV.UK-style summary at the top of a form: each message links to its field (`#<field>`, or where
 * `anchor` points, e.g. a group's heading). Nothing when there is nothing to fix.
 */
export function ErrorSummary({ errors, heading = msg.accounts.summaryHeading, anchor = (field) => field }: {
  errors: Partial<Record<string, string>>; heading?: string; anchor?: (field: string) => string;
}) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => !!entry[1]);
  if (entries.length === 0) return null;
  return (
    <Summary data-module="error-summary" tabIndex={-1} aria-labelledby="error-summary-heading">
      <Summary.Heading id="error-summary-heading">{heading}</Summary.Heading>
      <Summary.List>
        {entries.map(([field, message]) => (
          <Summary.Item key={field}><Summary.Link href={`#${anchor(field)}`}>{message}</Summary.Link></Summary.Item>
        ))}
      </Summary.List>
    </Summary>
  );
}
