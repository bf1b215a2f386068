export { connectNats, type NatsConnection, type NatsConnectOptions } from './connect-nats.js';
