/** DOM helpers shared by host drivers (never used by the sidebar UI). */

/** True when the element's effective background is dark (a host's own dark theme). */
export function isDarkBackground(element: Element | null): boolean {
  let node: Element | null = element;
  const view = element?.ownerDocument.defaultView;
  if (!view) return false;
  while (node) {
    const color = view.getComputedStyle(node).backgroundColor;
    const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(color ?? '');
    if (rgb && (rgb[4] === undefined || Number(rgb[4]) > 0.5)) {
      const [r, g, b] = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
      // Relative luminance, sRGB weights; below 0.4 reads as a dark theme.
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.4;
    }
    node = node.parentElement;
  }
  return false;
}

/**
 * Inserts text at the caret of a contenteditable reply box as plain text. execCommand('insertText')
 * keeps the host editor's undo stack and change tracking; where it is unavailable (or refused) the
 * text is appended as text nodes, never as HTML.
 */
export function insertPlainText(box: HTMLElement, text: string): boolean {
  box.focus();
  const doc = box.ownerDocument;
  let inserted = false;
  try {
    inserted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    inserted = false;
  }
  if (!inserted) {
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (index > 0) box.appendChild(doc.createElement('br'));
      box.appendChild(doc.createTextNode(line));
    });
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return true;
}
