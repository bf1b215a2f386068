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
export { clerkPageCsp } from './http/clerk-page-routes.js';
export { CLERK_PAGE_STRINGS, type ClerkPageLanguage } from './http/clerk-page-strings.js';
export {
  type CreateRegistryAppOptions,
  createRegistryApp,
  REGISTRY_BODY_LIMIT,
  type RegistryApp,
  type RegistryServiceParts,
} from './http/create-registry-app.js';
export {
  createRegistryAuth,
  type RegistryCaller,
  type RegistryRole,
  type RegistryTokens,
} from './http/registry-auth.js';
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
  createDeliveryLoop,
  type DeliveryLoop,
  type DeliveryLoopOptions,
  type DeliveryTarget,
} from './service/create-delivery-loop.js';
export {
  createNatsEventPublisher,
  type NatsEventPublisher,
  type NatsEventPublisherOptions,
  registryEventSubject,
} from './service/create-nats-event-publisher.js';
export {
  createWebhookSender,
  WEBHOOK_SIGNATURE_HEADER_NAME,
  type WebhookSenderOptions,
  type WebhookTarget,
} from './service/create-webhook-sender.js';
export { DEFAULT_REGISTRY_PORT, loadRegistryConfig } from './service/load-registry-config.js';
export type { RegistryDirectory } from './service/registry-directory.js';
export { type PopulationConfig, seedPopulation } from './service/seed-population.js';
export {
  type RegistryServiceConfig,
  type RunningRegistry,
  type StartRegistryOptions,
  startRegistry,
} from './service/start-registry.js';
export {
  createSqlRegistryStore,
  type RegistryDatabaseHandle,
  type SqlRegistryStore,
} from './sql/create-sql-registry-store.js';
export { personRecordOf, personRowOf } from './sql/person-row.js';
export { registryMigrations } from './sql/registry-migrations.js';
export type {
  RegistryCursorsTable,
  RegistryDatabase,
  RegistryOutboxTable,
  RegistryPersonsTable,
} from './sql/registry-tables.js';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  signWebhookBody,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from './webhook-signature.js';
