import { Callout, NestedCallout } from './callout';
import { Figure, ResponsiveImage } from './figure';
import { PullQuote } from './pull-quote';
import { Table } from './table';

/** The newsroom component set available inside article MDX. */
export const mdxComponents = {
  Figure,
  PullQuote,
  Callout,
  Image: ResponsiveImage,
  img: ResponsiveImage,
  table: Table,
};

/** The set for an article drawn inside another landmark (see NestedCallout). */
export const nestedMdxComponents = { ...mdxComponents, Callout: NestedCallout };
