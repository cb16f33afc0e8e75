import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Loads the API client first: it takes the launch token out of the address bar before anything renders.
import './api';
import { App } from './app/App';
import { prefetch } from './ui/call-cache';
import './styles.css';

// The model list is the same on every visit to Models & runs: asked for once as the page opens (ui/call-cache.ts).
prefetch('models.list', {});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
