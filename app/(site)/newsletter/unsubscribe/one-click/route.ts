import { NextResponse } from 'next/server';

import { log } from '@/lib/log';
import { tokenSchema } from '@/lib/newsletter/schema';
import { unsubscribe } from '@/lib/newsletter/service';
import { routes } from '@/lib/routes';

const text = (body: string, status: number) => new NextResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to this URL. */
export async function POST(request: Request) {
  const parsed = tokenSchema.safeParse({ token: new URL(request.url).searchParams.get('token') ?? undefined });
  if (!parsed.success) return text('This unsubscribe link is not valid.', 400);
  try {
    const outcome = await unsubscribe(parsed.data.token);
    return outcome.ok ? text(outcome.message, 200) : text(outcome.error, 400);
  } catch (error) {
    log.error({ err: error }, 'One-click unsubscribe failed');
    return text('Unsubscribing failed on our side. Please try again in a moment.', 503);
  }
}

/** A GET (a person, or a scanner) changes nothing: it is sent to the page with the button. */
export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return NextResponse.redirect(new URL(`${routes.newsletterUnsubscribe()}?token=${encodeURIComponent(token)}`, request.url), 303);
}
