import { create } from 'xmlbuilder2';

import type { Site } from '../content/types';
import { absoluteUrl, routes } from '../routes';

/** The address a browser or a search engine fills in with the reader's words. */
export const searchTemplate = (site: Site) => `${absoluteUrl(site, routes.search())}?q={search_term_string}`;

/** An OpenSearch 1.1 description, so browsers can offer the site's search from their address bar. */
export function openSearchDescription(site: Site): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('OpenSearchDescription', { xmlns: 'http://a9.com/-/spec/opensearch/1.1/' });
  // ShortName may hold at most 16 characters.
  root.ele('ShortName').txt(site.shortName.slice(0, 16));
  root.ele('Description').txt(`Search ${site.name}`);
  root.ele('InputEncoding').txt('UTF-8');
  root.ele('Language').txt(site.language);
  root.ele('Image', { type: 'image/svg+xml' }).txt(absoluteUrl(site, '/icon.svg'));
  root.ele('Url', { type: 'text/html', method: 'get', template: `${absoluteUrl(site, routes.search())}?q={searchTerms}` });
  root.ele('Url', { type: 'application/opensearchdescription+xml', rel: 'self', template: absoluteUrl(site, routes.openSearch()) });
  return root.end({ prettyPrint: true });
}
