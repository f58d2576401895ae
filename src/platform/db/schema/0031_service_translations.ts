// Row types of the table migrations/0031_service_translations.ts made.

/**
 * A service's own text in another language than the bokmål of its row: name (where it differs),
 * description and how to get in (application_process). Null: not translated.
 */
export interface ServiceTranslationTable {
  id: string;
  service_id: string;
  /** BCP 47 language tag: nn, en, … (never nb: the service row is bokmål) */
  language: string;
  name: string | null;
  description: string | null;
  application_process: string | null;
}

export interface ServiceTranslationsTables {
  service_translation: ServiceTranslationTable;
}
