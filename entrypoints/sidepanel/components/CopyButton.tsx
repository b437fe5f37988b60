import { useEffect, useState } from 'react';
import { usePanelActions } from '../hooks/use-panel';
import { CopyIcon } from './Icons';

/** Copies a message's text; shows "Copied" for a moment. */
export function CopyButton({ text }: { text: string }) {
  const actions = usePanelActions();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => { setCopied(false); }, 1_500);
    return () => { clearTimeout(timer); };
  }, [copied]);

  return (
    <button
      type="button"
      className="copy-button"
      aria-label="Copy message"
      title="Copy message"
      onClick={() => void actions.copy(text).then(setCopied)}
    >
      <CopyIcon />
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  );
}
