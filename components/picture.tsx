import { getImageProps } from 'next/image';
import { preload } from 'react-dom';

type PictureProps = {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  /** The page's largest image: load it first instead of lazily. */
  priority?: boolean;
  className?: string;
};

// getImageProps gives the optimised, responsive srcset of next/image without shipping its client
// component, so image-heavy pages stay free of JavaScript.
export function Picture({ src, alt, width, height, sizes, priority = false, className }: PictureProps) {
  const { props } = getImageProps({
    src,
    alt,
    width,
    height,
    sizes,
    quality: 70,
    loading: priority ? 'eager' : 'lazy',
    fetchPriority: priority ? 'high' : 'auto',
  });
  if (priority && props.srcSet) {
    // Announce the largest image in <head>, so the browser fetches it before it has parsed the body.
    preload(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: 'high' });
  }
  // Its inline style (color: transparent, hiding alt text while loading) is in app/styles/base.css instead:
  // the pages' Content-Security-Policy allows no inline styles.
  // eslint-disable-next-line @next/next/no-img-element -- getImageProps already gave it next/image's sizes and optimised sources, without the component's JavaScript
  return <img {...props} style={undefined} alt={alt} className={className} />;
}
