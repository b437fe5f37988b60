import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { defaultSettings } from '@/src/protocol/settings';
import { TradingLimitsSection } from './components/TradingLimitsSection';
import { formFromSettings } from './form-state';

describe('trading limits section', () => {
  const html = renderToStaticMarkup(
    <TradingLimitsSection
      form={formFromSettings(defaultSettings())}
      errors={{ 'trading.maxDailyOrders': 'Enter a whole number.' }}
      update={() => undefined}
      auditLogUrl="chrome-extension://abc/audit.html"
    />,
  );

  it.each([
    'Maximum per order ($)',
    'Maximum position weight (%)',
    'Maximum orders per day',
    'Maximum daily total ($)',
    'Symbols never to trade',
    'Re-confirm if price moves more than (%)',
    'Proposal expires after (minutes)',
  ])('labels a field %s', (label) => {
    expect(html).toMatch(new RegExp(`<label class="field-label" for="[^"]+">${label.replace(/[()$%]/g, '\\$&')}</label>`));
  });

  it('marks an invalid limit and says why', () => {
    expect(html).toMatch(/id="max-daily-orders"[^>]*inputMode="numeric"[^>]*value="10"/);
    expect(html).toMatch(/id="max-daily-orders"[^>]*aria-invalid="true"[^>]*aria-describedby="max-daily-orders-error max-daily-orders-hint"/);
    expect(html).toContain('<p id="max-daily-orders-error" class="field-error">Enter a whole number.</p>');
  });

  it('links to the audit log in a new tab', () => {
    expect(html).toContain('<a href="chrome-extension://abc/audit.html" target="_blank" rel="noopener noreferrer">Open audit log</a>');
  });
});
