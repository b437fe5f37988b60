import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBackground, extensionPageUrl } from '../shared/runtime';
import { applyTheme, rememberedTheme } from '../shared/theme';
import '../shared/base.css';
import './metrics.css';

const root = document.getElementById('root');
if (root) {
  applyTheme(rememberedTheme());
  createRoot(root).render(
    <StrictMode>
      <App client={connectBackground()} applyTheme={applyTheme} panelUrl={extensionPageUrl('sidepanel.html')} />
    </StrictMode>,
  );
}
