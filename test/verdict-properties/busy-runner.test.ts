import { describeSimulatedVerdicts } from '../helpers/simulated-verdicts.js';

// Base and head in adjacent pairs on a busy shared runner: each trial's machine ±8% from its pair's.
describeSimulatedVerdicts('same-runner, busy', (c) => c.mode === 'same-runner' && c.trialNoise !== undefined);
