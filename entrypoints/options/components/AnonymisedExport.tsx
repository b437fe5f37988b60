import { useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { ResponseData } from '@/src/protocol/messages';
import { downloadText } from '../../audit/download';
import { errorMessage } from '../../shared/error-message';

type Amounts = 'remove' | 'bucket' | 'keep';

/** Anonymised conversations: choose what happens to amounts and symbols, preview what will leave, then download. */
export function AnonymisedExport({ client }: { client: PortClient | null }) {
  const [amounts, setAmounts] = useState<Amounts>('bucket');
  const [keepSymbols, setKeepSymbols] = useState(true);
  const [preview, setPreview] = useState<ResponseData<'privacy-export'> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = async () => {
    if (!client) return;
    try {
      setPreview(await client.request({ type: 'privacy-export', amounts, keepSymbols }));
      setFailure(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <div className="anonymised-export">
      <h3>Anonymised export</h3>
      <p className="field-hint">Conversations as JSONL without account or order ids, e-mail addresses, keys or introduced names.</p>
      <div className="field">
        <label className="field-label" htmlFor="export-amounts">Amounts and quantities</label>
        <select id="export-amounts" className="input" value={amounts} onChange={(event) => { setAmounts(event.target.value as Amounts); setPreview(null); }}>
          <option value="bucket">Bucketed (e.g. $1k–$10k)</option>
          <option value="remove">Removed</option>
          <option value="keep">Kept</option>
        </select>
      </div>
      <label className="choice choice-inline">
        <input type="checkbox" checked={keepSymbols} onChange={(event) => { setKeepSymbols(event.target.checked); setPreview(null); }} />
        <span>Keep ticker symbols</span>
      </label>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void load()}>Export anonymised conversations</button>
      </div>
      {failure && <p role="alert" className="alert">{failure}</p>}
      {preview && (
        <div role="group" aria-label="Export preview">
          <p>{String(preview.conversations)} conversations. This is what the file holds (first lines):</p>
          <pre className="export-preview" tabIndex={0}>{preview.jsonl.slice(0, 4000)}</pre>
          <button type="button" className="button button-primary" onClick={() => { downloadText(preview.fileName, preview.jsonl, 'application/jsonl'); }}>
            Download {preview.fileName}
          </button>
        </div>
      )}
    </div>
  );
}
