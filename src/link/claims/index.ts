export { groupClaims, claimId, interval, valuesAgree, type ClaimRecord, type ClaimGroup, type ClaimRelation, type ClaimRelationKind, type GroupOptions } from './group.js';
export { controlByPlace, type ControlRecord, type ControlEntry, type PlaceControl } from './control.js';
