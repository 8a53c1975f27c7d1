/**
 * Follows an engine's current and view syncs from the calls that succeed through a wrapper, so that the slow log can
 * name the sync a call acted on without asking the engine (which would be a call of its own).
 */

/** The wrapper's view of which sync is current and which is viewed. */
export class SyncTracker {
  private current: string | undefined;
  private view: string | undefined;

  /** A copy of the current state (what a call saw when it started). */
  clone(): SyncTracker {
    const copy = new SyncTracker();
    copy.current = this.current;
    copy.view = this.view;
    return copy;
  }

  /** The sync a call acts on: `explicit` when given and non-empty, else the current, the view, or `default`. */
  target(explicit?: unknown): string {
    if (typeof explicit === 'string' && explicit !== '') return explicit;
    return this.current ?? this.view ?? 'default';
  }

  /** The current sync, or `none`. */
  currentSync(): string {
    return this.current ?? 'none';
  }

  /** Updates the view after a call succeeded. */
  succeeded(method: string, args: readonly unknown[], result: unknown): void {
    switch (method) {
      case 'startNewSync':
        if (typeof result === 'string') this.current = result;
        break;
      case 'startSync':
        if (typeof result === 'object' && result !== null) this.current = String((result as { syncId?: unknown }).syncId);
        break;
      case 'setCurrentSync':
        if (typeof args[0] === 'string') this.current = args[0];
        break;
      case 'endSync':
        this.current = undefined;
        break;
      case 'viewSync':
        this.view = typeof args[0] === 'string' && args[0] !== '' ? args[0] : undefined;
        break;
      case 'cleanup':
        if (Array.isArray(result) && this.view !== undefined && result.includes(this.view)) this.view = undefined;
        break;
      case 'close':
        this.current = undefined;
        this.view = undefined;
        break;
      default:
        break;
    }
  }
}
