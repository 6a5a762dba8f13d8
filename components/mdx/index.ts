import { Callout } from './callout';
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
