import type { JsxComponentDescriptor } from '@mdxeditor/editor';

import { ComponentBlock } from './component-block';

/**
 * The newsroom components a draft may use, with the props lib/content/safe-mdx.ts allows each, as
 * MDXEditor blocks. Flow (block) components: a draft writes each on lines of its own.
 */
export const NEWSROOM_COMPONENTS = [
  { name: 'Figure', label: 'Figure', props: ['src', 'alt', 'caption', 'credit'], hasChildren: false },
  { name: 'Image', label: 'Image', props: ['src', 'alt'], hasChildren: false },
  { name: 'PullQuote', label: 'Pull quote', props: ['cite'], hasChildren: true },
  { name: 'Callout', label: 'Callout', props: ['title', 'kind'], hasChildren: true },
] as const;

export type NewsroomComponent = (typeof NEWSROOM_COMPONENTS)[number];

export const jsxComponentDescriptors: JsxComponentDescriptor[] = NEWSROOM_COMPONENTS.map((component) => ({
  name: component.name,
  kind: 'flow',
  props: component.props.map((name) => ({ name, type: 'string' as const })),
  hasChildren: component.hasChildren,
  Editor: ComponentBlock,
}));

/** What a toolbar button inserts: something to replace, never an empty component the check refuses. */
export const STARTERS: Record<'PullQuote' | 'Callout', { props: Record<string, string>; text: string }> = {
  PullQuote: { props: { cite: 'Name, role' }, text: 'The words being quoted.' },
  Callout: { props: { title: 'How to have your say' }, text: 'What readers should know.' },
};
