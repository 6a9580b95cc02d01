// Entry point: choose the platform at the edge, load the texts, render.
import './platform/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/components/App';
import { initI18n } from './app/i18n';
import { useSettingsStore, browserLanguage } from './kit/settings-store';
import { choosePlatform } from './platform';

const platform = choosePlatform();
await initI18n(useSettingsStore.getState().language ?? browserLanguage());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App platform={platform} />
  </StrictMode>,
);
