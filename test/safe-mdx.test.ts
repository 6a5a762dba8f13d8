import { getMDXComponent } from 'mdx-bundler/client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { compileMdx } from '@/lib/content/mdx';
import { checkUntrustedMdx } from '@/lib/content/safe-mdx';

// What an attacker with a draft might write. Every one must be refused, with a line and a reason.
const hostile: Record<string, string> = {
  'reads process.env': 'Hello {process.env.DATABASE_URL}',
  'require in an expression': '{require("child_process").execSync("id")}',
  'dynamic import': '{import("fs").then(fs => fs.readFileSync("/etc/passwd"))}',
  'import statement': 'import fs from "fs"\n\n# Title',
  'export statement': 'export const x = globalThis.process\n\nText',
  'prototype pollution via expression': '{Object.prototype.polluted = 1}',
  'constructor escape': '{"".constructor.constructor("return process")()}',
  'expression in a prop': '<Figure src="/images/a.jpg" alt="x" caption={process.env.APP_SECRET} />',
  'spread props': '<Figure {...globalThis} />',
  'unknown prop': '<Figure src="/images/a.jpg" alt="x" dangerouslySetInnerHTML="x" />',
  'event handler prop': '<Callout onClick="alert(1)">Hi</Callout>',
  'unknown component': '<Script>alert(1)</Script>',
  'raw script tag': '<script>alert(1)</script>',
  iframe: '<iframe src="https://evil.example"></iframe>',
  'html with handler': '<img src="x" onerror="alert(1)" />',
  'javascript link': '[click me](javascript:alert(document.cookie))',
  'javascript link with odd case': '[click](JaVaScRiPt:alert(1))',
  'data url link': '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'javascript reference definition': '[x][1]\n\n[1]: javascript:alert(1)',
  'remote image': '![tracker](https://evil.example/pixel.gif)',
  'protocol-relative image prop': '<Image src="//evil.example/a.jpg" alt="x" />',
  fragment: '<>text</>',
  'broken syntax': '<Figure src="/images/a.jpg"',
  'JavaScript front matter': '---js\nrequire("child_process").execSync("id")\n---\n\nText',
  'front matter after a byte-order mark': '\uFEFF---javascript\nprocess.exit(1)\n---\n\nText',
  'component named after a prototype property': '<__proto__ />',
  'constructor as a component': '<constructor x="1" />',
  'image path to a folder': '<Figure src="/images/articles" alt="A folder, not a picture" />',
  'image path climbing out': '![x](/images/../../etc/passwd.jpg)',
};

describe('untrusted MDX', () => {
  for (const [name, source] of Object.entries(hostile)) {
    it(`refuses: ${name}`, () => {
      const problems = checkUntrustedMdx(source);
      expect(problems.length, source).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.column).toBeGreaterThanOrEqual(1);
        expect(problem.reason.length).toBeGreaterThan(10);
      }
    });
  }

  it('points at the line and column of the problem', () => {
    expect(checkUntrustedMdx('# Title\n\nSome text and {1 + 1} more.')).toEqual([{ line: 3, column: 15, reason: expect.stringContaining('curly braces') }]);
  });

  it('accepts Markdown, GFM and the newsroom components with literal props', async () => {
    const source = [
      '## A heading',
      '',
      'Some **bold** text, a [link](/category/council), an [outside link](https://example.org) and a footnote[^1].',
      '',
      '| Year | Level |',
      '| --- | --- |',
      '| 2025 | 4.4 m |',
      '',
      '<PullQuote cite="A resident">It came up fast.</PullQuote>',
      '',
      '<Callout title="Key dates">Meeting on **Monday**.</Callout>',
      '',
      'Braces are fine when escaped: \\{ and \\}.',
      '',
      '[^1]: A note.',
    ].join('\n');
    expect(checkUntrustedMdx(source)).toEqual([]);
    const html = renderToStaticMarkup(
      createElement(getMDXComponent(await compileMdx(source, 'draft')), {
        components: {
          PullQuote: ({ children }: { children: unknown }) => createElement('blockquote', null, children as string),
          Callout: ({ children }: { children: unknown }) => createElement('aside', null, children as string),
        },
      }),
    );
    expect(html).toContain('<blockquote>It came up fast.</blockquote>');
    expect(html).toContain('{ and }');
  });

  it('leaves HTML-like text in code inert', async () => {
    const source = 'Write `<script>alert(1)</script>` to test.\n\n```html\n<script>alert(1)</script>\n```\n';
    expect(checkUntrustedMdx(source)).toEqual([]);
    const html = renderToStaticMarkup(createElement(getMDXComponent(await compileMdx(source, 'draft'))));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('never evaluates JavaScript front matter, even in a trusted file', async () => {
    const marker = `broadsheet_${Date.now()}`;
    await expect(compileMdx(`---js\nglobalThis.${marker} = true\n---\n\nText`, 'content/articles/x.mdx')).rejects.toThrow(/front matter/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});
