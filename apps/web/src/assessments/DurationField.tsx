import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

/** A number saved when the field loses focus or on Enter; a rejected value snaps back to the saved one. */
export function DurationField({
  id,
  value,
  disabled,
  onSave,
}: {
  id: string;
  value: number;
  disabled: boolean;
  onSave: (minutes: number) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(String(value));
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');

  useEffect(() => setText(String(value)), [value]);

  async function save() {
    const minutes = Number(text);
    if (text.trim() === '' || minutes === value) {
      setText(String(value));
      return;
    }
    setState('saving');
    const ok = await onSave(minutes);
    setState(ok ? 'saved' : 'idle');
    if (!ok) setText(String(value));
  }

  return (
    <span className="duration">
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={5}
        max={600}
        step={5}
        value={text}
        disabled={disabled && state !== 'saving'}
        onChange={(e) => {
          setText(e.target.value);
          setState('idle');
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      <span role="status" className="muted small">
        {state === 'saving' ? t.saving : state === 'saved' ? t.saved : ''}
      </span>
    </span>
  );
}
