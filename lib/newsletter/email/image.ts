import { getImageProps } from 'next/image';

import type { Site } from '../../content/types';
import { absoluteUrl } from '../../routes';

/**
 * A picture of the site as an absolute address of the site's image optimiser, at twice `width` for
 * sharp screens. next/image picks the size from the build's own allowed widths, so the optimiser
 * accepts it. Only site paths (public/ files and /media uploads) are shown, as on the site itself:
 * anything else is a request to a stranger's server every time the email is opened.
 */
export function emailImageSrc(site: Pick<Site, 'url'>, src: string | undefined, width: number): string | undefined {
  if (!src || !src.startsWith('/') || src.startsWith('//')) return undefined;
  // The height only sizes the element, which the email sets itself; the address depends on the width.
  const { props } = getImageProps({ src, alt: '', width, height: width, quality: 75 });
  return absoluteUrl(site, props.src);
}
