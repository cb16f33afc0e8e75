import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Loads the API client first: it takes the launch token out of the address bar before anything renders.
import './api';
import { App } from './app/App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
