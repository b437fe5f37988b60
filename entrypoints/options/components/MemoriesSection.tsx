import { useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { MemoryView } from '@/src/protocol/memory';
import { useMemories } from '../hooks/use-memories';

const dateOf = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
};

function sourceText(memory: MemoryView): string {
  const where = memory.source.conversationTitle ? `the conversation “${memory.source.conversationTitle}”` : 'a conversation';
  const how = memory.kind === 'explicit' ? 'You said it in' : 'Suggested by Clera in';
  return `${how} ${where} on ${dateOf(memory.createdAt)}${memory.untrusted ? ', after reading web or news text' : ''}. Last used ${dateOf(memory.lastUsedAt)}.`;
}

function MemoryEntry({ memory, overCap, actions }: { memory: MemoryView; overCap: boolean; actions: ReturnType<typeof useMemories> }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(memory.text);
  const inputId = `memory-edit-${memory.id}`;
  return (
    <li className="memory-entry" aria-label={memory.text}>
      {editing ? (
        <form
          className="memory-edit"
          onSubmit={(event) => {
            event.preventDefault();
            void actions.edit(memory.id, text).then((ok) => { if (ok) setEditing(false); });
          }}
        >
          <label htmlFor={inputId} className="field-label">Memory text</label>
          <input id={inputId} className="input" value={text} maxLength={500} onChange={(event) => { setText(event.target.value); }} />
          <div className="button-row">
            <button type="submit" className="button button-primary button-compact">Update memory</button>
            <button type="button" className="button button-ghost button-compact" onClick={() => { setEditing(false); setText(memory.text); }}>Cancel</button>
          </div>
        </form>
      ) : (
        <p className="memory-text">{memory.text}</p>
      )}
      <p className="field-hint">
        {memory.status === 'suggested' ? 'Suggestion, not saved yet. ' : ''}
        {sourceText(memory)}
      </p>
      {overCap && <p className="field-hint memory-over-cap">Proposed for removal: over the memory limit and the least recently used.</p>}
      {!editing && (
        <div className="button-row">
          {memory.status === 'suggested' && (
            <button type="button" className="button button-secondary button-compact" onClick={() => void actions.remember(memory.id)}>Remember</button>
          )}
          <button type="button" className="button button-ghost button-compact" onClick={() => { setEditing(true); }}>Edit</button>
          <button type="button" className="button button-ghost button-compact" onClick={() => void actions.remove(memory.id)}>Delete memory</button>
        </div>
      )}
    </li>
  );
}

/** The options page's Memories region: every remembered fact with its source; edit, delete, delete all. */
export function MemoriesSection({ client }: { client: PortClient | null }) {
  const actions = useMemories(client);
  const [confirming, setConfirming] = useState(false);
  const { list } = actions;
  const overCap = new Set(list?.overCap ?? []);
  return (
    <section className="card section" aria-labelledby="memories-title">
      <h2 id="memories-title">Memories</h2>
      <p className="muted section-intro">
        Facts Clera remembers between conversations. Clera saves what you ask it to remember and suggests the rest for you to accept.
        {list ? ` ${String(list.memories.length)} of at most ${String(list.cap)}.` : ''}
      </p>
      {list && list.problems.length > 0 && (
        <div role="alert" className="alert">
          <p>Some stored memories could not be read and are ignored:</p>
          <ul>{list.problems.map((problem) => <li key={problem.id}>{problem.id}: {problem.message}</li>)}</ul>
        </div>
      )}
      {actions.failure && <p role="alert" className="alert">{actions.failure}</p>}
      {list && list.memories.length === 0 && <p className="muted">No memories yet.</p>}
      {list && list.memories.length > 0 && (
        <ul className="memory-list">
          {list.memories.map((memory) => <MemoryEntry key={`${memory.id}:${memory.text}`} memory={memory} overCap={overCap.has(memory.id)} actions={actions} />)}
        </ul>
      )}
      <div className="button-row">
        {confirming ? (
          <div role="group" aria-label="Confirm deleting all memories" className="button-row">
            <span>Delete every memory? This cannot be undone.</span>
            <button type="button" className="button button-danger button-compact" onClick={() => void actions.removeAll().then(() => { setConfirming(false); })}>
              Yes, delete all
            </button>
            <button type="button" className="button button-ghost button-compact" onClick={() => { setConfirming(false); }}>Cancel</button>
          </div>
        ) : (
          <button type="button" className="button button-secondary" disabled={!list || list.memories.length === 0} onClick={() => { setConfirming(true); }}>
            Delete all memories
          </button>
        )}
        <p role="status" className="form-status">{actions.status}</p>
      </div>
    </section>
  );
}
