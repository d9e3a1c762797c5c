export { buildDemoRecord } from './demo-record';
export { resolveCorrectionTargets } from './demo-step';
export type { DemoActor, DemoSource, DemoStep } from './demo-step';
