import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBackground } from '../shared/runtime';
import { applyTheme, rememberedTheme } from '../shared/theme';
import '../shared/base.css';
import './audit.css';

const root = document.getElementById('root');
if (root) {
  applyTheme(rememberedTheme());
  createRoot(root).render(
    <StrictMode>
      <App client={connectBackground()} applyTheme={applyTheme} />
    </StrictMode>,
  );
}
