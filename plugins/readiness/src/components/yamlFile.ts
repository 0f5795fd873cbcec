/** Copies text to the clipboard; a sentence for a status line either way. */
export async function copyText(text: string): Promise<string> {
  try {
    await window.navigator.clipboard.writeText(text);
    return 'Copied the YAML.';
  } catch {
    return 'Could not copy: select the YAML and copy it.';
  }
}

/** Saves text as a YAML file through the browser's download. */
export function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/yaml' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
