import { useEffect, useState } from 'react';
import type { PagePermission } from '../../shared/page-permission';

/** The opt-in for reading the ticker of finance pages: one click asks Chrome for those sites only. */
export function PageDetectionStep({ permission }: { permission: PagePermission }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void permission.granted().then((value) => { if (live) setGranted(value); });
    return () => { live = false; };
  }, [permission]);

  return (
    <div className="help">
      <p>
        On finance sites (Yahoo Finance, Google Finance, TradingView, Seeking Alpha, MarketWatch, CNBC, Nasdaq, Morningstar, Bloomberg, Reuters,
        Robinhood, Finviz, Investing.com, Stocktwits) the panel can show the ticker of the page you are reading, with “Analyze” and “What does this
        mean for my portfolio?”.
      </p>
      <p className="muted">
        Clera reads only those sites, only after you allow it here. It looks for the ticker in the address and the page’s labels; nothing reaches the
        model until you click. Without this, clicking the Clera button on any page still lets it read that one page.
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={granted === true} onClick={() => void permission.request().then(setGranted)}>
          {granted === true ? 'Page detection allowed' : 'Allow page detection'}
        </button>
        <p role="status" className="form-status">
          {granted === true ? 'Allowed for the finance sites.' : granted === false ? 'Not allowed (you can allow it later from the panel).' : ''}
        </p>
      </div>
    </div>
  );
}
