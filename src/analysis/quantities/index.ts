export { extractQuantities, type QuantityX, type QuantityKind, type Period } from './extract.js';
export { normaliseUnit, singular, isTimeUnit } from './units.js';
