import { Component, type ReactNode } from 'react';

/**
 * One panel failing must not take the sidebar (or the page) with it. Logs the panel id and the
 * error name only: messages of errors thrown while rendering mail data could contain mail text.
 */
export class PanelBoundary extends Component<{ id: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`[followthrough] panel ${this.props.id} failed: ${error instanceof Error ? error.name : typeof error}`);
  }

  override render(): ReactNode {
    if (this.state.failed) return <p className="ft-muted">This part could not be shown.</p>;
    return this.props.children;
  }
}
