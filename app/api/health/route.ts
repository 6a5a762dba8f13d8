import { checkHealth } from '@/lib/availability/health';

// For load balancers and monitors, so public: it says only which part is not ready (see checkHealth).
export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
