import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll } from 'vitest';

export interface ReactTestRoot {
  /** Renders `node` into a new container in the document and answers the container. */
  mount(node: ReactNode): Promise<HTMLElement>;
  /** Renders `node` again into the latest mount (new props, the same component state). */
  rerender(node: ReactNode): Promise<void>;
  /** Unmounts the latest mount before the test ends (its container stays in the document until then). */
  unmount(): void;
}

/**
 * React for a component test file: act() on, and every root a test mounted unmounted and its container removed
 * after the test. Called once at the top of the file, where vitest's hooks are registered.
 */
export function reactTestRoot(): ReactTestRoot {
  const mounted: { root: Root; container: HTMLElement }[] = [];
  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  });
  afterEach(() => {
    for (const { root, container } of mounted.splice(0)) {
      act(() => root.unmount());
      container.remove();
    }
  });
  const latest = () => {
    const last = mounted.at(-1);
    if (!last) throw new Error('nothing is mounted');
    return last;
  };
  return {
    async mount(node) {
      const container = document.createElement('div');
      document.body.appendChild(container);
      const root = createRoot(container);
      mounted.push({ root, container });
      await act(async () => root.render(node));
      return container;
    },
    async rerender(node) {
      const { root } = latest();
      await act(async () => root.render(node));
    },
    unmount() {
      act(() => latest().root.unmount());
    },
  };
}
