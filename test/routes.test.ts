import { describe, expect, it } from 'vitest';

import { routes } from '@/lib/routes';

// The newsroom's addresses as they were written by hand before lib/routes.ts built them.
describe('newsroom routes', () => {
  const { editor } = routes;
  const id = '00000000-0000-4000-8000-00000000d4af';

  it('builds the pages of a draft', () => {
    expect([editor.draft(id), editor.draftHistory(id), editor.draftPreview(id), editor.draftPublish(id)]).toEqual([
      `/editor/drafts/${id}`,
      `/editor/drafts/${id}/history`,
      `/editor/drafts/${id}/preview`,
      `/editor/drafts/${id}/publish`,
    ]);
    expect([editor.drafts(), editor.drafts({ missing: true }), editor.newDraft()]).toEqual(['/editor/drafts', '/editor/drafts?missing', '/editor/drafts/new']);
  });

  it('builds the sign-in addresses', () => {
    expect([editor.home(), editor.login(), editor.login('password-changed'), editor.setup(), editor.notAllowed()]).toEqual([
      '/editor',
      '/editor/login',
      '/editor/login?notice=password-changed',
      '/editor/setup',
      '/editor/not-allowed',
    ]);
    expect(editor.loginCode()).toBe('/editor/login/code');
    expect(editor.loginCode('a-b_C9')).toBe('/editor/login/code?link=a-b_C9');
  });

  it('keeps the subscriber filter in the list and its export', () => {
    expect(editor.subscribers()).toBe('/editor/subscribers');
    expect(editor.subscribers({ q: 'a b@example.com', status: 'pending', page: 2 })).toBe('/editor/subscribers?q=a+b%40example.com&status=pending&page=2');
    expect(editor.subscribers({ q: '', page: 1 })).toBe('/editor/subscribers?page=1');
    expect(editor.subscribersExport({ status: 'confirmed' })).toBe('/editor/subscribers/export?status=confirmed');
  });

  it('pages the newsletter sends and a send’s failures, the first page without a query', () => {
    expect([editor.newsletter(), editor.newsletter(1), editor.newsletter(3)]).toEqual(['/editor/newsletter', '/editor/newsletter', '/editor/newsletter?page=3']);
    expect([editor.newsletterSend(id), editor.newsletterSend(id, 2)]).toEqual([`/editor/newsletter/${id}`, `/editor/newsletter/${id}?page=2`]);
  });
});
