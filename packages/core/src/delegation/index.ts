// Public API of the delegation area (a guardian presenting a ward's credential); re-exported from ../index.ts.
export {
  findGuardianshipRelationship,
  GUARDIANSHIP_RELATIONSHIPS,
  GUARDIANSHIP_TYPE,
  GUARDIANSHIP_TYPE_ID,
  type GuardianshipRelationship,
  MAX_GUARDIANSHIP_SCOPE,
  parseGuardianshipScope,
} from '../catalog/guardianship-type.js';
export { checkDelegation, WARD_ID_ELEMENT } from './check-delegation.js';
export {
  type CheckDelegationInput,
  DELEGATION_CHECK_IDS,
  DELEGATION_NOTICE,
  type DelegationCheck,
  type DelegationCheckId,
  type DelegationDocument,
  type DelegationGuardian,
  type DelegationResult,
} from './delegation-types.js';
