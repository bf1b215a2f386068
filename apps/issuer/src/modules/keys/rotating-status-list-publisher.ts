import { type PublishedStatusList, type StatusListForm, StatusListPublisher } from '../status/status-list-publisher.js';

/**
 * The status-list publisher of a rotating issuer: it signs with the key ring's live view and,
 * after a switch, {@link afterRotation} drops every cached token, waits for the signings that
 * were already running (they took the old key) and drops their tokens too — from then on every
 * token is signed by the new key. Tokens signed by the old key keep verifying until they expire.
 */
export class RotatingStatusListPublisher extends StatusListPublisher {
  readonly #inFlight = new Set<Promise<PublishedStatusList>>();

  override publish(shardId: number, form: StatusListForm): Promise<PublishedStatusList> {
    const publishing = super.publish(shardId, form);
    this.#inFlight.add(publishing);
    publishing.then(
      () => this.#inFlight.delete(publishing),
      () => this.#inFlight.delete(publishing),
    );
    return publishing;
  }

  async afterRotation(): Promise<void> {
    this.clear();
    await Promise.allSettled([...this.#inFlight]);
    this.clear();
  }
}
