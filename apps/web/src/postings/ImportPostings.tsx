import { useState } from 'react';
import type { ImportPostingsResponse } from '@rubricon/contracts';
import { api } from '../api';
import { useI18n } from '../i18n';

export function ImportPostings({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'busy'; text: string } | null>(null);

  async function upload(file: File) {
    setStatus({ kind: 'busy', text: t.importing });
    const form = new FormData();
    form.append('file', file);
    try {
      const result = await api<ImportPostingsResponse>('/postings/import', { method: 'POST', body: form });
      setStatus({ kind: 'ok', text: [t.imported(result.items.length), ...result.warnings].join(' ') });
      onImported();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  }

  return (
    <details className="card import">
      <summary>{t.importPostings}</summary>
      <p className="muted">{t.importHint}</p>
      <input
        type="file"
        accept=".txt,.md,.markdown,.tsv,.html,.htm,text/plain,text/markdown,text/tab-separated-values,text/html"
        aria-label={t.importPostings}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
          e.target.value = '';
        }}
      />
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </details>
  );
}
