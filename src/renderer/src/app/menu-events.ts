import { useEffect } from 'react';
import type { MenuAction } from '../../../shared/ipc-channels';

const REPORT_BUTTONS = '[data-testid="export-account-report"], [data-testid="export-case-report"]';

/**
 * The application menu's actions the page carries out (Electron window only; a no-op in the browser mode).
 * Export report presses the report button of the account or case on screen, so the menu exports exactly what
 * that button would, through the same download (Electron then shows the native save dialog).
 */
export function useMenuEvents(): void {
  useEffect(
    () =>
      window.lens?.onMenu((action: MenuAction) => {
        if (action !== 'export-report') return;
        const button = document.querySelector<HTMLButtonElement>(REPORT_BUTTONS);
        if (button && !button.disabled) button.click();
        else window.alert('Open an account or a case first: Export report saves the report of the one on screen.');
      }),
    [],
  );
}
