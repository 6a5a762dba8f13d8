'use client';

import { type JsxEditorProps, NestedLexicalEditor, useLexicalNodeRemove, useMdastNodeUpdater } from '@mdxeditor/editor';
import { useId, useState } from 'react';

import { NEWSROOM_COMPONENTS } from './components';

const FIELD_LABELS: Record<string, string> = {
  src: 'Picture address',
  alt: 'Alt text',
  caption: 'Caption',
  credit: 'Credit',
  cite: 'Who said it',
  title: 'Title',
  kind: 'Kind (note, update or correction)',
};

type Attributes = JsxEditorProps['mdastNode']['attributes'];

function textProps(attributes: Attributes): Record<string, string> {
  const values: Record<string, string> = {};
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') values[attribute.name] = attribute.value;
  }
  return values;
}

/**
 * One newsroom component in the editor: its props as labelled fields (plain text, as the safe-MDX
 * check requires) and, for PullQuote and Callout, its text as a nested rich editor.
 */
export function ComponentBlock({ mdastNode }: JsxEditorProps) {
  const component = NEWSROOM_COMPONENTS.find((candidate) => candidate.name === mdastNode.name);
  const update = useMdastNodeUpdater();
  const remove = useLexicalNodeRemove();
  const id = useId();
  // Typed values are kept here so a field keeps its caret while the node is written back.
  const [values, setValues] = useState(() => textProps(mdastNode.attributes));
  if (!component) return null;

  const change = (name: string, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    // Empty props are left out, as a writer would; the order stays that of the component's props.
    const attributes: Attributes = component.props.flatMap((prop) => (next[prop] ? [{ type: 'mdxJsxAttribute' as const, name: prop, value: next[prop] }] : []));
    update({ attributes });
  };

  return (
    <div className="component-block" role="group" aria-labelledby={`${id}-name`}>
      <p className="component-block__head">
        <span id={`${id}-name`} className="component-block__name">
          {component.label}
        </span>
        <button type="button" className="button button--secondary component-block__remove" onClick={remove}>
          Remove {component.label.toLowerCase()}
        </button>
      </p>
      {values.src && /^\/(media|images)\//.test(values.src) ? (
        // eslint-disable-next-line @next/next/no-img-element -- a thumbnail of an upload in the editor; next/image would bring its client code into the editor chunk for nothing
        <img className="component-block__thumb" src={values.src} alt="" width={160} />
      ) : null}
      <div className="component-block__fields">
        {component.props.map((prop) => (
          <span key={prop} className="component-block__field">
            <label htmlFor={`${id}-${prop}`}>{FIELD_LABELS[prop] ?? prop}</label>
            <input id={`${id}-${prop}`} value={values[prop] ?? ''} onChange={(event) => change(prop, event.currentTarget.value)} />
          </span>
        ))}
      </div>
      {component.hasChildren ? (
        <NestedLexicalEditor<typeof mdastNode>
          block={mdastNode.type === 'mdxJsxFlowElement'}
          getContent={(node) => node.children}
          getUpdatedMdastNode={(node, children) => ({ ...node, children }) as typeof node}
          contentEditableProps={{ className: 'component-block__text', ariaLabel: `${component.label} text` }}
        />
      ) : null}
    </div>
  );
}
