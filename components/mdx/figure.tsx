import { getImageSize, publicFileExists } from '@/lib/content/images';
import { getMediaSize } from '@/lib/content/media-size';

import { Picture } from '../picture';

type FigureProps = { src: string; alt: string; caption?: string; credit?: string };

export async function Figure({ src, alt, caption, credit }: FigureProps) {
  return (
    <figure className="figure">
      <ResponsiveImage src={src} alt={alt} />
      {caption || credit ? (
        <figcaption>
          {caption}
          {credit ? <span className="figure__credit"> {credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

async function sizeOf(src: string | undefined) {
  if (!src || !src.startsWith('/')) return undefined;
  if (src.startsWith('/media/')) return getMediaSize(src);
  // A file sharp cannot read shows as unavailable rather than failing the whole article.
  return publicFileExists(src) ? getImageSize(src).catch(() => undefined) : undefined;
}

/**
 * An image from public/ or an upload, sized from the file itself. Anything else is refused, so no
 * request leaves the site.
 */
export async function ResponsiveImage({ src, alt }: { src?: string; alt?: string }) {
  const size = await sizeOf(src);
  if (!src || !size) {
    return <span className="image-missing">[Image unavailable{alt ? `: ${alt}` : ''}]</span>;
  }
  const { width, height } = size;
  return <Picture src={src} alt={alt ?? ''} width={width} height={height} sizes="(min-width: 760px) 680px, 100vw" />;
}
