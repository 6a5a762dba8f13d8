// PostgreSQL's stemmers, by the language code in content/site.json. Each has a broadsheet_<name>
// configuration (db/migrations/0003_search.sql) that strips accents first; other languages get
// broadsheet_simple: words unaccented and lower-cased, not stemmed.
const stemmers: Record<string, string> = {
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  hu: 'hungarian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  tr: 'turkish',
};

export function searchConfigFor(language: string): string {
  return `broadsheet_${stemmers[language.toLowerCase().split('-')[0] ?? ''] ?? 'simple'}`;
}
