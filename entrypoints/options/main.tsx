import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { VaultGate } from '../shared/VaultGate';
import { connectBackground, extensionPageUrl } from '../shared/runtime';
import { applyTheme, rememberedTheme } from '../shared/theme';
import '../shared/base.css';
import './options.css';

const root = document.getElementById('root');
if (root) {
  applyTheme(rememberedTheme());
  const client = connectBackground();
  createRoot(root).render(
    <StrictMode>
      <VaultGate client={client}>
        <App client={client} applyTheme={applyTheme} auditLogUrl={extensionPageUrl('audit.html')} />
      </VaultGate>
    </StrictMode>,
  );
}
