import { exportSubscribers } from '@/db/queries/subscribers';
import { can } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session';
import { toCsv } from '@/lib/csv';
import { subscriberFilterSchema } from '@/lib/subscriber-filter';

// A route handler is its own public endpoint: it checks the session and role itself.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response('Please sign in.', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!can(user.role, 'subscribers:view'))
    return new Response('You are not allowed to export subscribers.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const filter = subscriberFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await exportSubscribers({ search: filter.q, status: filter.status });
  const csv = toCsv(
    // New columns go last, so a script that reads the first five by position keeps working.
    ['email', 'status', 'created_at', 'confirmed_at', 'unsubscribed_at', 'name', 'source', 'suppressed'],
    rows.map((row) => [
      row.email,
      row.status,
      row.createdAt.toISOString(),
      row.confirmedAt?.toISOString() ?? '',
      row.unsubscribedAt?.toISOString() ?? '',
      row.name ?? '',
      row.source,
      row.suppressed ?? '',
    ]),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="subscribers-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
