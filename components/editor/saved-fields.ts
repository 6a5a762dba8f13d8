/**
 * Shows the saved form of what was sent ("Lido, Summer" as the tags "lido, summer"), in the fields
 * nobody is in and nobody changed since: never the field with the cursor, never the body.
 */
export function showSaved(form: HTMLFormElement, sent: FormData, saved: Record<string, string>) {
  for (const [name, value] of Object.entries(saved)) {
    const field = form.elements.namedItem(name);
    if (name === 'body' || field === document.activeElement) continue;
    const text = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === 'text');
    if (text && field.value === sent.get(name) && field.value !== value) field.value = value;
  }
}
