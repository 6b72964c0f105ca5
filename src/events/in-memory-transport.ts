// One process: the buses sharing this transport see each other's events. A hub built without
// REDIS_URL has its own, so events reach only its own subscribers live (others replay them).
import type { EventTransport, StoredHubEvent } from './types';

export class InMemoryTransport implements EventTransport {
  private readonly listeners = new Set<(events: StoredHubEvent[]) => void>();

  async publish(events: StoredHubEvent[]): Promise<void> {
    for (const listener of [...this.listeners]) listener(events);
  }

  onMessage(listener: (events: StoredHubEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Listeners still registered (tests check that closing releases them). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
