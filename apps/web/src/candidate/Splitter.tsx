import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

const MIN = 25;
const MAX = 75;
const STEP = 5;
const KEY = 'rubricon.split';

export const clampSplit = (value: number) => Math.min(MAX, Math.max(MIN, Math.round(value)));

/** The statement pane's share (percent), kept for the next coding question and the next visit. */
export function savedSplit(): number {
  const saved = Number(localStorage.getItem(KEY));
  return saved ? clampSplit(saved) : 50;
}
export function saveSplit(value: number): void {
  localStorage.setItem(KEY, String(value));
}

/**
 * The bar between statement and editor: drag it, or focus it and use the arrow keys (Home/End for
 * the ends). A focusable separator with its value, as the WAI-ARIA window splitter pattern has it.
 */
export function Splitter({
  value,
  onChange,
  controls,
  label,
}: {
  value: number;
  onChange: (value: number) => void;
  controls: string;
  label: string;
}) {
  const dragging = useRef(false);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = {
      ArrowLeft: value - STEP,
      ArrowUp: value - STEP,
      ArrowRight: value + STEP,
      ArrowDown: value + STEP,
      Home: MIN,
      End: MAX,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onChange(clampSplit(next));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (!dragging.current || !box?.width) return;
    onChange(clampSplit(((e.clientX - box.left) / box.width) * 100));
  };
  const stop = () => (dragging.current = false);

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={stop}
      onPointerCancel={stop}
      data-testid="splitter"
    />
  );
}
