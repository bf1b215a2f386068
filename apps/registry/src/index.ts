/**
 * @zhengzhao/registry — the population-registry simulator (DESIGN.md §2): synthetic citizens,
 * the physical-card state machine, card events in a transactional outbox, and their signed
 * delivery to issuing authorities. No HTTP here: routes come on top, in server-kit.
 */

// events
export {
  CANCELLATION_REASONS,
  CARD_EVENT_TYPES,
  type CancellationReason,
  type CardCancelledEvent,
  type CardCancelledPayload,
  type CardChangedEvent,
  type CardChangedPayload,
  type CardEvent,
  type CardEventOf,
  type CardEventType,
  type CardIssuedEvent,
  type CardIssuedPayload,
  type CardRenewedEvent,
  type CardRenewedPayload,
  type CardReportedLostEvent,
  type CardReportedLostPayload,
  type CardWithClaimsEvent,
  CHANGED_FIELDS,
  type ChangedField,
  carriesCard,
  LOST_REASONS,
  type LostReason,
  type PersonClaims,
  residentIdClaimsOf,
} from './card-event.js';
// synthetic citizens
export { CARD_NUMBER_PATTERN } from './card-number.js';
// registry service and storage
export { type CardOperation, type CardState, isCardTransitionAllowed, nextCardState } from './card-state.js';
export { cardTermYears, computeCardExpiry } from './card-validity.js';
export {
  formatResidentAddress,
  type PersonData,
  type PhysicalCard,
  type ResidentAddress,
  type SyntheticCitizen,
} from './citizen.js';
export {
  type CountyRegion,
  countiesOfProvince,
  findCountyRegion,
  issuingAuthorityOf,
  SIMULATED_PROVINCES,
} from './county-regions.js';
export {
  type CreateRegistryOptions,
  createRegistry,
  type RandomBytes,
  type Registry,
  type RegistryClock,
} from './create-registry.js';
export {
  CARD_EVENT_VERSION,
  decodeCardEvent,
  encodeCardEvent,
  MAX_CARD_EVENT_JSON_LENGTH,
} from './encode-card-event.js';
export { type GenerateCitizensOptions, generateCitizen, generateCitizens } from './generate-citizens.js';
export {
  generatePortrait,
  MAX_GENERATED_PORTRAIT_BYTES,
  PORTRAIT_HEIGHT,
  PORTRAIT_WIDTH,
  type PortraitSubject,
} from './generate-portrait.js';
export { createInMemoryRegistryStore } from './in-memory-registry-store.js';
// delivery
export {
  type BackoffOptions,
  backoffDelay,
  createOutboxDispatcher,
  type DispatchResult,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
} from './outbox-dispatcher.js';
export type { CardEventCommit, OutboxEntry, PersonRecord, RegistryStore } from './registry-store.js';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  signWebhookBody,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from './webhook-signature.js';
