export { extractEvents, type EventInput, type EventX } from './extract.js';
export { extractControl, holderName, type ControlInput } from './control.js';
export { EVENT_TYPES, TRIGGERS } from './taxonomy.js';
