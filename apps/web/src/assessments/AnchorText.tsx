import { splitChecklist } from './anchor-text';

/** An anchor's text; a level-3 checklist shows as its lead and a numbered list. */
export function AnchorText({ text }: { text: string }) {
  const list = splitChecklist(text);
  if (!list) return <>{text}</>;
  return (
    <>
      {list.lead}
      <ol style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
        {list.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ol>
    </>
  );
}
