// The one place that reads process.env. next.config.mjs imports it, so a bad
// setting fails `next build` / `next start` with a clear message instead of a request.
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SITE_URL: z
    .url({ message: 'SITE_URL must be an absolute http(s) URL such as https://news.example.org' })
    .refine((value) => /^https?:\/\//.test(value), 'SITE_URL must start with http:// or https://')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
});

function parse() {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example and README.md#configuration.`);
  }
  return result.data;
}

export const env = parse();
