import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBackground } from '../shared/runtime';
import { pagePermission } from '../shared/page-permission';
import { applyTheme, rememberedTheme } from '../shared/theme';
import { openSidePanel } from './side-panel';
import '../shared/base.css';
import '../options/options.css';
import './onboarding.css';

const root = document.getElementById('root');
if (root) {
  applyTheme(rememberedTheme());
  createRoot(root).render(
    <StrictMode>
      <App client={connectBackground()} applyTheme={applyTheme} pagePermission={pagePermission} openPanel={openSidePanel()} />
    </StrictMode>,
  );
}
