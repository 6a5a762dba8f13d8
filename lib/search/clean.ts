// Control, format (bidirectional overrides, zero-width) and private-use characters: never shown,
// never searched. Private-use ones are also the highlight marks of snippets (db/queries/search.ts),
// so indexed text must not contain them.
const invisible = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

/** Text as it is indexed and searched: NFC, invisible characters gone, spaces collapsed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(invisible, ' ').replace(/\s+/g, ' ').trim();
}
