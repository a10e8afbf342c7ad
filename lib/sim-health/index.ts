/** SIMs the carrier blocked: the rule (pure), its one writer, the admin's way back, the banner's reading. */
export { assessSimHealth, nextSimRuns, type SimBlock, type SimRuns, type SimVerdict } from './assess-sim-health';
export { classifySimAttempt, type SimAttempt } from './classify-sim-attempt';
export { enableSim, enableSimInput } from './enable-sim';
export { readSimsOut, type SimOut } from './read-sims-out';
export { recordSimAttempt } from './record-sim-attempt';
export { findLineOfDial, type LineOfDial } from './find-line-of-dial';
