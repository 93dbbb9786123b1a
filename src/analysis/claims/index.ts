export { extractClaims, type ClaimInput, type ClaimX } from './extract.js';
export { findClaimant, sideOf, resolveGroup, subjectBefore, type Actor, type Claimant } from './context.js';
