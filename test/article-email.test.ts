import { beforeAll, describe, expect, it } from 'vitest';

import { loadContent } from '@/lib/content/load';
import { compileMdx } from '@/lib/content/mdx';
import type { Article, Site } from '@/lib/content/types';
import { renderArticleEmail } from '@/lib/newsletter/email';
import { emailPreviewPolicy } from '@/lib/security/headers.mjs';

// council-budget-2027 has every part a body can have: headings, a figure, a table, a pull quote, a
// callout with a list, a site link and a footnote.
const SLUG = 'council-budget-2027';
const UNSUBSCRIBE = 'https://news.example.org/newsletter/unsubscribe?token=abc.def';

let site: Site;
let article: Article;
let email: Awaited<ReturnType<typeof renderArticleEmail>>;

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
const decoded = (html: string) =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

beforeAll(async () => {
  const content = await loadContent();
  site = content.site;
  article = content.articles.find((candidate) => candidate.slug === SLUG)!;
  email = await renderArticleEmail(article, await compileMdx(article.body, article.file), site, { unsubscribeUrl: UNSUBSCRIBE });
});

describe('the article as an email', () => {
  it('has the headline as subject and the article’s parts in the HTML', () => {
    const html = decoded(email.html);
    expect(email.subject).toBe(article.title);
    for (const part of [article.title, article.standfirst, article.authors[0]!.name, site.name, `subscribed to ${site.name}’s newsletter`]) expect(html).toContain(part);
    const headings = [...article.body.matchAll(/^##+ (.+)$/gm)].map((match) => match[1]!);
    expect(headings.length).toBeGreaterThan(2);
    for (const text of headings) expect(html).toMatch(new RegExp(`<h[23][^>]*>${text}</h[23]>`));
    // The table, the pull quote and the callout's list survive as their email equivalents.
    expect(html).toContain('Annual resident permit</td>');
    expect(html).toContain('this time we did not have to.');
    expect(html).toMatch(/<li[^>]*>Read the full draft budget/);
  });

  it('links only to absolute addresses, with no heading anchors left over', () => {
    const links = hrefs(email.html);
    expect(links).toContain(UNSUBSCRIBE.replace('&', '&amp;'));
    expect(links).toContain(`${site.url}/articles/${SLUG}`);
    expect(links).toContain(`${site.url}/category/council`);
    for (const href of links) expect(href, href).toMatch(/^(https?|mailto):/);
    expect(email.html).not.toMatch(/>#<\/a>/);
  });

  it('shows the hero and figures through the image optimiser, at 600 px at most, without scripts', () => {
    const hero = email.html.match(/<img[^>]*alt="([^"]*)"[^>]*src="([^"]*)"/);
    expect(decoded(hero![1]!)).toBe(article.hero.alt);
    expect(hero![2]).toMatch(new RegExp(`^${site.url}/_next/image\\?url=${encodeURIComponent(article.hero.src)}&amp;w=\\d+&amp;q=75$`));
    expect(email.html).toContain(encodeURIComponent('/images/figures/chart-budget.jpg'));
    expect(email.html).toContain('max-width:600px');
    expect(email.html).toContain('<meta name="color-scheme" content="light dark"');
    expect(email.html).not.toMatch(/<script/i);
  });

  it('has a plain-text part with the words, the table and every link written out', () => {
    expect(email.text).toContain(article.title);
    expect(email.text).toContain('Where the money goes');
    expect(email.text).toContain('roadside verges mown less often');
    expect(email.text).toMatch(/Annual resident permit\s+£55\s+£60/);
    expect(email.text).toContain(`Read on the site ${site.url}/articles/${SLUG}`);
    expect(email.text).toContain(`council page ${site.url}/category/council`);
    expect(email.text).toContain(UNSUBSCRIBE);
    expect(email.text).not.toContain('<');
  });

  it('escapes markup-looking text in the body', async () => {
    const body = 'Someone typed &lt;script&gt;alert("x")&lt;/script&gt; into the form, and `<script>` in code.\n';
    const hostile = await renderArticleEmail({ ...article, body }, await compileMdx(body, 'hostile'), site, { unsubscribeUrl: UNSUBSCRIBE });
    expect(hostile.html).not.toMatch(/<script/i);
    expect(hostile.html).toContain('&lt;script&gt;alert(');
    expect(hostile.text).toContain('<script>alert("x")</script>');
  });

  it('is previewed in the newsroom under a policy that runs nothing and loads only the site’s pictures', () => {
    const policy = emailPreviewPolicy({ imageOrigin: 'https://news.example.org' });
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("img-src 'self' https://news.example.org data:");
    expect(policy).toMatch(/(^|; )sandbox allow-popups/);
    expect(policy).not.toContain('script-src');
  });
});
