import { NotFoundContent } from '@/components/not-found-content';

export const metadata = { title: 'Page not found', robots: { index: false } };

// Shown inside the site layout when a page under (site) calls notFound().
export default function NotFound() {
  return <NotFoundContent />;
}
