import { getDraftForPublishing } from '@/db/queries/publishing';
import { can } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session';
import { getArticle, getArticleCode, getSite } from '@/lib/content';
import { renderArticleEmail } from '@/lib/newsletter/email';
import { draftIdSchema } from '@/lib/publishing/schema';
import { absoluteUrl, routes } from '@/lib/routes';
import { emailPreviewPolicy } from '@/lib/security/headers.mjs';

const plain = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

// A route handler is its own public endpoint: it checks the session and role itself, as the
// publishing page does. It shows what subscribers would receive, so it renders the PUBLISHED article.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return plain('Please sign in.', 401);
  if (!can(user.role, 'drafts:publish')) return plain('You are not allowed to preview the newsletter.', 403);
  const parsed = draftIdSchema.safeParse({ draftId: (await params).id });
  const draft = parsed.success ? await getDraftForPublishing(parsed.data.draftId) : undefined;
  if (!draft) return plain('No such draft.', 404);
  const article = draft.publishedRevisionId ? await getArticle(draft.slug) : undefined;
  // The draft exists; what is missing is a publication, and the answer says so.
  if (!article) return plain(`“${draft.title}” is not published, so there is no email to preview yet. Publish it first.`, 200);
  const site = await getSite();
  const { html } = await renderArticleEmail(article, await getArticleCode(article), site, {
    // The preview has no subscriber: the link leads to the page where a reader asks for their own.
    unsubscribeUrl: absoluteUrl(site, routes.newsletterUnsubscribe()),
  });
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': emailPreviewPolicy({ imageOrigin: new URL(site.url).origin }),
      'Cache-Control': 'no-store',
    },
  });
}
