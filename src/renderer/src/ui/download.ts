/** Saves a Blob as a file through a Blob link: works the same in the browser mode and the Electron window. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has read the URL synchronously; revoking later frees the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadFile(name: string, text: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

export const fileSafe = (text: string) => text.replace(/[^\w.-]+/g, '_').slice(0, 80);
