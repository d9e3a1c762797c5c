export * from './indicator';
export * from './labels';
export * from './project-facts';
export * from './catalogue';
export * from './outcome-summary';
export { heldAttendance } from './people.indicators';
export { peopleBehind } from './decisions.indicators';
export * from './current-consent';
