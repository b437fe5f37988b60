import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { VaultGate } from '../shared/VaultGate';
import { readStartOptions } from './start-options';
import { connectBackground, openOptionsPage } from '../shared/runtime';
import { pagePermission } from '../shared/page-permission';
import { applyTheme, rememberedTheme } from '../shared/theme';
import { preloadMarkdown } from './components/LazyMarkdownText';
import { focusOrderCard } from './composer-focus';
import { downloadText } from '../audit/download';
import '../shared/base.css';
import './sidepanel.css';

const root = document.getElementById('root');
if (root) {
  applyTheme(rememberedTheme());
  const client = connectBackground();
  createRoot(root).render(
    <StrictMode>
      <VaultGate client={client}>
      <App
        client={client}
        start={readStartOptions(location.search)}
        platform={{ openSettings: openOptionsPage, writeClipboard: (text) => navigator.clipboard.writeText(text), applyTheme: (theme) => { applyTheme(theme); }, focusCard: focusOrderCard, download: downloadText, pagePermission }}
      />
      </VaultGate>
    </StrictMode>,
  );
  // The Markdown renderer is not part of the first paint; fetch it once the page is idle.
  requestIdleCallback(preloadMarkdown, { timeout: 1_000 });
}
