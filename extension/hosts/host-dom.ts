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

/**
 * Widens an element's right margin by `extra` pixels (on top of the margin the client's own CSS
 * gives it), so the content beside it moves left of a fixed panel. The inline value is set
 * !important because mail clients set margins from their own stylesheets; release() puts back the
 * exact inline value and priority that were there before.
 */
export function reserveRightMargin(element: HTMLElement, extra: number): { element: Element; release(): void } {
  const style = element.style;
  const previous = { value: style.getPropertyValue('margin-right'), priority: style.getPropertyPriority('margin-right') };
  const view = element.ownerDocument.defaultView;
  const current = Number.parseFloat(view?.getComputedStyle(element).marginRight ?? '') || 0;
  style.setProperty('margin-right', `${current + extra}px`, 'important');
  element.setAttribute(RESERVED_ATTRIBUTE, String(extra));
  let released = false;
  return {
    element,
    release() {
      if (released) return;
      released = true;
      element.removeAttribute(RESERVED_ATTRIBUTE);
      if (previous.value) style.setProperty('margin-right', previous.value, previous.priority);
      else style.removeProperty('margin-right');
    },
  };
}

/** Marks the element whose margin we widened (for tests, and so a second reservation is not stacked). */
export const RESERVED_ATTRIBUTE = 'data-followthrough-reserved';

/** The elements of `list` that are not inside another element of `list` (one per message, not its parts). */
export function outermost(list: readonly Element[]): Element[] {
  const set = new Set(list);
  return list.filter((element) => {
    for (let node = element.parentElement; node; node = node.parentElement) if (set.has(node)) return false;
    return true;
  });
}
