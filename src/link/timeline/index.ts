export { mergeTimeline, datesCompatible, type EventRecord, type TimelineEvent, type TimelineSource } from './merge.js';
