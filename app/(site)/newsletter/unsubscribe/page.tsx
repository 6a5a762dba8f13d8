import type { Metadata } from 'next';

import { TokenForm } from '@/components/newsletter/token-form';
import { getSite } from '@/lib/content';
import { describeUnsubscribe } from '@/lib/newsletter/service';

import { unsubscribeAction } from '../actions';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// A GET only shows who would be unsubscribed; the button's POST does it.
export default async function UnsubscribePage({ searchParams }: Props) {
  const [site, { token }] = await Promise.all([getSite(), searchParams]);
  const value = typeof token === 'string' ? token.slice(0, 200) : '';
  const target = value ? await describeUnsubscribe(value).catch(() => null) : null;
  return (
    <div className="container narrow">
      <h1>Unsubscribe</h1>
      {!target ? (
        <p role="alert">This unsubscribe link is not valid. Please use the link in your most recent email.</p>
      ) : (
        <>
          {target.status === 'unsubscribed' ? null : (
            <p>
              Stop sending the {site.name} newsletter to <strong>{target.email}</strong>?
            </p>
          )}
          <TokenForm
            action={unsubscribeAction}
            token={value}
            label="Unsubscribe"
            pendingLabel="Unsubscribing…"
            done={target.status === 'unsubscribed' ? `${target.email} is unsubscribed. We will not email you again.` : undefined}
          />
        </>
      )}
    </div>
  );
}
