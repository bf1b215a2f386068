import { ZzError } from '../errors/zz-error.js';
import type { CredentialTypeDefinition, ElementDefinition } from './credential-type.js';
import { DEGREE_CERTIFICATE_TYPE } from './degree-certificate-type.js';
import { GUARDIANSHIP_TYPE } from './guardianship-type.js';
import { HOUSEHOLD_REGISTER_TYPE } from './household-register-type.js';
import { MARRIAGE_CERTIFICATE_TYPE } from './marriage-certificate-type.js';
import { MDL_TYPE } from './mdl-type.js';
import { REAL_ESTATE_CERTIFICATE_TYPE } from './real-estate-certificate-type.js';
import { RESIDENT_ID_TYPE } from './resident-id-type.js';
import { SOCIAL_SECURITY_CARD_TYPE } from './social-security-card-type.js';

/** Catalog v0: every credential type the platform knows, by type id. */
export const CREDENTIAL_CATALOG: ReadonlyMap<string, CredentialTypeDefinition> = new Map([
  [RESIDENT_ID_TYPE.typeId, RESIDENT_ID_TYPE],
  [MDL_TYPE.typeId, MDL_TYPE],
  [SOCIAL_SECURITY_CARD_TYPE.typeId, SOCIAL_SECURITY_CARD_TYPE],
  [DEGREE_CERTIFICATE_TYPE.typeId, DEGREE_CERTIFICATE_TYPE],
  [MARRIAGE_CERTIFICATE_TYPE.typeId, MARRIAGE_CERTIFICATE_TYPE],
  [REAL_ESTATE_CERTIFICATE_TYPE.typeId, REAL_ESTATE_CERTIFICATE_TYPE],
  [HOUSEHOLD_REGISTER_TYPE.typeId, HOUSEHOLD_REGISTER_TYPE],
  [GUARDIANSHIP_TYPE.typeId, GUARDIANSHIP_TYPE],
]);

/** The catalog entry for `typeId`, or `ERR_CATALOG_UNKNOWN_TYPE`. */
export function getCredentialType(typeId: string): CredentialTypeDefinition {
  const type = typeof typeId === 'string' ? CREDENTIAL_CATALOG.get(typeId) : undefined;
  if (!type) throw new ZzError('ERR_CATALOG_UNKNOWN_TYPE', 'Credential type is not in the catalog');
  return type;
}

/** The definition of one element of a type, or undefined. */
export function findElement(type: CredentialTypeDefinition, elementId: string): ElementDefinition | undefined {
  return type.elements.find((element) => element.id === elementId);
}
