import { getImageSize, publicFileExists } from '@/lib/content/images';
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

/** An image from public/, sized from the file itself. Anything else is refused, so no request leaves the site. */
export async function ResponsiveImage({ src, alt }: { src?: string; alt?: string }) {
  if (!src || !src.startsWith('/') || !publicFileExists(src)) {
    return <span className="image-missing">[Image unavailable{alt ? `: ${alt}` : ''}]</span>;
  }
  const { width, height } = await getImageSize(src);
  return <Picture src={src} alt={alt ?? ''} width={width} height={height} sizes="(min-width: 760px) 680px, 100vw" />;
}
