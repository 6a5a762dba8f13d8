import type { Locator, Page } from '@playwright/test';

/** The draft's body as the form posts it: the plain MDX field (hidden behind the rich editor when scripts run). */
export const bodyField = (page: Page): Locator => page.locator('textarea#draft-body');

/**
 * Puts MDX in the draft body, for specs about something else than the editor: typed into the plain
 * field without JavaScript (or before the rich editor has loaded), otherwise set in the field the
 * rich editor mirrors, which reads it back as if it had been pasted into its source view.
 */
export async function fillBody(page: Page, mdx: string): Promise<void> {
  const field = bodyField(page);
  // The rich editor may take over (hiding the field) between the check and the fill: then the
  // fill gives up quickly and the value goes in the way the rich editor reads it.
  if (await field.isVisible()) {
    const filled = await field.fill(mdx, { timeout: 2_000 }).then(
      () => true,
      () => false,
    );
    if (filled) return;
  }
  await field.evaluate((textarea: HTMLTextAreaElement, value) => {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, mdx);
}
