// Public API of the issuance area; re-exported from ../index.ts.
export {
  type CatalogCredentialFormat,
  type IssueCatalogCredentialOptions,
  issueCatalogCredential,
} from './issue-catalog-credential.js';
