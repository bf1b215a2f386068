import type { JsonObject } from '../jose/jws-compact.js';

/** A plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets an own enumerable property, even one named `__proto__` (plain assignment would change the
 * prototype instead: claim names come from the credential and cannot be trusted).
 */
export function defineClaim(target: JsonObject, name: string, value: unknown): void {
  if (name === '__proto__') {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[name] = value;
  }
}
