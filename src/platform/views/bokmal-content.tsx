import { Paragraph } from '@digdir/designsystemet-react';
import { currentLanguage, msg } from '../i18n/index.ts';

/**
 * Long content written in bokmål (handbook sections, course modules, minutes), rendered from
 * Markdown: marked `lang="nb"` so a screen reader reads it as Norwegian in any frame, and, for a
 * reader of another language, preceded by a note in their language that it exists only in bokmål.
 * The HTML is our own Markdown renderer's output, which escapes what people write.
 */
export function BokmalContent({ html }: { html: string }) {
  const other = currentLanguage() !== 'nb';
  return (
    <>
      {other && <Paragraph data-size="sm" className="only-bokmal">{msg.site.language.onlyBokmal}</Paragraph>}
      <div className="handbook-body" lang="nb" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
