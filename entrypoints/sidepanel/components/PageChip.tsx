import { useEffect, useState } from 'react';
import { usePanel, usePageActions } from '../hooks/use-panel';

/**
 * "This page": the ticker on the active tab (it follows tab switches and navigation), with Analyze and
 * "What does this mean for my portfolio?". Without a ticker, it offers the page-detection opt-in once.
 */
export function PageChip() {
  const page = usePanel((state) => state.page);
  const busy = usePanel((state) => state.running || state.pending);
  const configured = usePanel((state) => state.configured);
  const actions = usePageActions();
  const [granted, setGranted] = useState<boolean | null>(null);

  useEffect(() => {
    if (!actions) return;
    let live = true;
    void actions.permissionGranted().then((value) => { if (live) setGranted(value); });
    return () => { live = false; };
  }, [actions]);

  if (!actions) return null;
  if (!page) {
    if (granted !== false || configured !== true) return null;
    return (
      <div className="page-optin">
        <span className="muted">See the ticker of the finance page you are reading.</span>
        <button type="button" className="button button-ghost button-compact" onClick={() => void actions.allowDetection().then(setGranted)}>
          Allow page detection
        </button>
      </div>
    );
  }

  return (
    <section className="page-chip" aria-label="This page">
      <div className="page-chip-ticker">
        <span className="page-chip-symbol">{page.symbol}</span>
        {page.name && <span className="page-chip-name">{page.name}</span>}
      </div>
      <div className="page-chip-actions">
        <button type="button" className="button button-compact" disabled={busy} onClick={() => void actions.analyze(page)}>
          Analyze {page.symbol}
        </button>
        <button type="button" className="button button-compact" disabled={busy} onClick={() => void actions.askAboutPortfolio(page)}>
          What does this mean for my portfolio?
        </button>
      </div>
    </section>
  );
}
