import { useShallow } from 'zustand/react/shallow';
import type { MemoryView } from '@/src/protocol/memory';
import { usePanel, usePanelActions } from '../hooks/use-panel';

function Suggestion({ memory }: { memory: MemoryView }) {
  const actions = usePanelActions();
  const descriptionId = `memory-source-${memory.id}`;
  return (
    <section className="memory-suggestion" aria-label="Memory suggestion" aria-describedby={descriptionId}>
      <p className="memory-suggestion-title">Remember this for next time?</p>
      <p className="memory-suggestion-text">{memory.text}</p>
      <p id={descriptionId} className="message-meta">
        {memory.replaces ? `Replaces “${memory.replaces.text}”. ` : ''}
        Suggested from this conversation{memory.untrusted ? ', in a turn that read web page or news text: check it is really about you' : ''}.
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary button-compact" onClick={() => void actions.decideMemory(memory.id, 'remember')}>
          Remember
        </button>
        <button type="button" className="button button-ghost button-compact" onClick={() => void actions.decideMemory(memory.id, 'dismiss')}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

function Saved({ memory }: { memory: MemoryView }) {
  const actions = usePanelActions();
  return (
    <p className="memory-saved message-meta">
      <span>
        {memory.kind === 'explicit' ? 'Saved to memory' : 'Remembered'}: “{memory.text}”{memory.replaces ? ` (replaces “${memory.replaces.text}”)` : ''}.
      </span>{' '}
      {memory.kind === 'explicit' && (
        <button type="button" className="button button-ghost button-compact" onClick={() => void actions.decideMemory(memory.id, 'undo')}>
          Undo
        </button>
      )}
    </p>
  );
}

/** Memory suggestions and saved memories that came out of one answer, shown right after it. */
export function MemoryNotes({ answerId }: { answerId: string }) {
  const memories = usePanel(useShallow((state) => Object.values(state.memories).filter((memory) => memory.source.answerId === answerId)));
  if (memories.length === 0) return null;
  return (
    <>
      {memories.map((memory) => (memory.status === 'suggested' ? <Suggestion key={memory.id} memory={memory} /> : <Saved key={memory.id} memory={memory} />))}
    </>
  );
}
