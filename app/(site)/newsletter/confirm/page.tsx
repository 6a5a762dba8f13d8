import type { Metadata } from 'next';

import { TokenForm } from '@/components/newsletter/token-form';
import { getSite } from '@/lib/content';

import { confirmAction } from '../actions';

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// Opening the link changes nothing; the button's POST confirms. Mail scanners that follow links
// therefore cannot confirm addresses on anyone's behalf.
export default async function ConfirmPage({ searchParams }: Props) {
  const [site, { token }] = await Promise.all([getSite(), searchParams]);
  const value = typeof token === 'string' ? token : '';
  return (
    <div className="container narrow">
      <h1>Confirm your subscription</h1>
      {value ? (
        <>
          <p>Press the button to start receiving the {site.name} newsletter.</p>
          <TokenForm action={confirmAction} token={value} label="Confirm my subscription" pendingLabel="Confirming…" />
        </>
      ) : (
        <p role="alert">This confirmation link is incomplete. Please open the full link from your email.</p>
      )}
    </div>
  );
}
