/** Saves text as a file through a Blob link: works the same in the browser mode and the Electron window. */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has read the URL synchronously; revoking later frees the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const fileSafe = (text: string) => text.replace(/[^\w.-]+/g, '_').slice(0, 80);
