import { createElement, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Align, type Block, type Inline } from './parse-markdown';

/**
 * Renders bank Markdown as React elements: every piece of source text becomes a text node, so
 * nothing in a prompt can inject markup. `headingOffset` pushes prompt headings below the card's own.
 */
export function Markdown({ source, headingOffset = 0 }: { source: string; headingOffset?: number }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className="markdown">{renderBlocks(blocks, headingOffset)}</div>;
}

function renderBlocks(blocks: Block[], offset: number, tight = false): ReactNode[] {
  return blocks.map((block, key) => renderBlock(block, key, offset, tight));
}

function renderBlock(block: Block, key: number, offset: number, tight: boolean): ReactNode {
  switch (block.type) {
    case 'heading':
      return createElement(`h${Math.min(6, block.level + offset)}`, { key }, renderInlines(block.children));
    case 'paragraph':
      // A list item holding a single paragraph renders it bare, like a tight Markdown list.
      return tight ? (
        <span key={key}>{renderInlines(block.children)}</span>
      ) : (
        <p key={key}>{renderInlines(block.children)}</p>
      );
    case 'code':
      return (
        // Focusable: a long line scrolls sideways, and the keyboard must be able to scroll it too.
        <pre key={key} className="code" tabIndex={0}>
          <code data-lang={block.lang || undefined}>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={key} />;
    case 'quote':
      return <blockquote key={key}>{renderBlocks(block.children, offset)}</blockquote>;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>{renderBlocks(item, offset, item.filter((b) => b.type === 'paragraph').length <= 1)}</li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'table':
      return (
        <div key={key} className="table-scroll" tabIndex={0}>
          <table className="md-table">
            <thead>
              <tr>
                {block.header.map((cell, c) => (
                  <th key={c} scope="col" style={align(block.align[c])}>
                    {renderInlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={align(block.align[c])}>
                      {renderInlines(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function align(value: Align) {
  return value ? { textAlign: value } : undefined;
}

function renderInlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, key) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'br':
        return <br key={key} />;
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'strong':
        return <strong key={key}>{renderInlines(node.children)}</strong>;
      case 'em':
        return <em key={key}>{renderInlines(node.children)}</em>;
      case 'del':
        return <del key={key}>{renderInlines(node.children)}</del>;
      case 'link':
        return (
          <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInlines(node.children)}
          </a>
        );
    }
  });
}
