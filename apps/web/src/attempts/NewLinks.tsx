import { useState } from 'react';
import type { InvitationLink } from '@rubricon/contracts';
import { formatWhen, useAttemptsText } from './messages';

/** The links exist in clear only in this response: the server keeps hashes. */
export function NewLinks({ links }: { links: InvitationLink[] }) {
  const { h, lang } = useAttemptsText();
  const [copied, setCopied] = useState<string | null>(null);
  if (!links.length) return null;
  const copy = async (link: InvitationLink) => {
    await navigator.clipboard.writeText(link.url).catch(() => undefined);
    setCopied(link.invitationId);
  };
  return (
    <section className="card new-links" aria-labelledby="new-links-title">
      <h2 id="new-links-title">{h.newLinks}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.invitationId} className="row wrap">
            <span>
              {link.candidate.name} &lt;{link.candidate.email}&gt;
            </span>
            <input
              readOnly
              value={link.url}
              aria-label={`${link.candidate.name} URL`}
              className="grow"
              onFocus={(e) => e.target.select()}
              data-testid="invitation-url"
            />
            <button type="button" className="secondary" onClick={() => void copy(link)}>
              {copied === link.invitationId ? h.copied : h.copy}
            </button>
            <span className="small muted">
              {h.expires} {formatWhen(link.expiresAt, lang)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
