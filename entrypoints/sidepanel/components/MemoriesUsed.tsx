import { useId, useState } from 'react';
import type { MemoriesUsed as Used } from '@/src/protocol/memory';

/** The "Memories used" disclosure on an answer: the memories and profile fields in the prompt that shaped it. */
export function MemoriesUsed({ used }: { used: Used }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="memories-used">
      <button type="button" className="button button-ghost button-compact" aria-expanded={open} aria-controls={panelId} onClick={() => { setOpen(!open); }}>
        Memories used
      </button>
      {open && (
        <div id={panelId} className="memories-used-list">
          {used.profile.length > 0 && (
            <>
              <p className="message-meta">From your profile:</p>
              <ul>{used.profile.map((item) => <li key={item.field}>{item.label}: {item.value}</li>)}</ul>
            </>
          )}
          {used.memories.length > 0 && (
            <>
              <p className="message-meta">Remembered facts:</p>
              <ul>{used.memories.map((item) => <li key={item.id}>{item.text}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
