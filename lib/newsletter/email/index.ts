import 'server-only';

import { render } from '@react-email/render';
import { createElement } from 'react';

import { ArticleEmail, type ArticleEmailProps } from './article-email';

export type ArticleEmailContent = { subject: string; html: string; text: string };

// Headings keep their case in the plain-text part (html-to-text shouts them by default).
const headings = ['h1', 'h2', 'h3', 'h4'].map((selector) => ({ selector, options: { uppercase: false } }));

/**
 * An article as a newsletter email: subject, HTML and plain text, from the same compiled MDX as its
 * page (`getArticleCode`). `render` comes from @react-email/render alone: @react-email/components
 * carries an older copy of its own, and two copies would render differently.
 */
export async function renderArticleEmail(
  article: ArticleEmailProps['article'],
  code: string,
  site: ArticleEmailProps['site'],
  { unsubscribeUrl }: { unsubscribeUrl: string },
): Promise<ArticleEmailContent> {
  const email = createElement(ArticleEmail, { article, code, site, unsubscribeUrl });
  const [html, text] = await Promise.all([render(email), render(email, { plainText: true, htmlToTextOptions: { wordwrap: 78, selectors: headings } })]);
  return { subject: article.title, html, text };
}
