import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import type { SearchResult } from '../search.ts';
import { finderUrl } from './finder-form.tsx';

const m = msg.finder;

/** The place a search is from, as a chip whose ✕ is a plain link to the same search without it (works without JavaScript). */
export function PlaceChip({ name, removeHref, fromText }: { name: string; removeHref: string; fromText: string | null }) {
  return (
    <div className="place-chip-row">
      <span className="place-chip">
        {m.placeChip(name)}{' '}
        <a href={removeHref} className="place-chip-remove" aria-label={m.placeChipRemove(name)}>
          <span aria-hidden="true">✕</span>
        </a>
      </span>
      {fromText && <Paragraph data-size="sm">{m.placeFromText(fromText)}</Paragraph>}
    </div>
  );
}

/** The first occurrence of a word in text (as a whole word, any case) replaced. */
function replaceWord(text: string, word: string, by: string): string {
  const lower = word.toLowerCase();
  const tokens = text.split(/(\s+)/);
  const at = tokens.findIndex((t) => t.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') === lower);
  if (at < 0) return text;
  tokens[at] = by;
  return tokens.join('');
}

/**
 * What the search did with the words: a word that found nothing as typed and was widened to
 * similar words ("Mente du …?", each a link to the search with that word), and words left out.
 */
export function SearchNotes({ result, params, text }: { result: SearchResult; params: Record<string, string[]>; text: string }) {
  return (
    <>
      {result.fuzzyMatches.map((f) => {
        const choices = [...new Set(f.shown)];
        return (
          <Paragraph key={f.word} data-size="sm" className="did-you-mean">
            {m.fuzzy(f.typed)} {m.didYouMean}{' '}
            {choices.map((word, i) => (
              <span key={word}>
                {i > 0 && (i === choices.length - 1 ? ` ${m.didYouMeanOr} ` : ', ')}
                <Link href={finderUrl({ ...params, q: [replaceWord(text, f.typed, word)], side: undefined })}>{word}</Link>
              </span>
            ))}
            ?
          </Paragraph>
        );
      })}
      {result.ignoredWords.length > 0 && <Paragraph data-size="sm">{m.ignoredWords(result.ignoredWords)}</Paragraph>}
    </>
  );
}
