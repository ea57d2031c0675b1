import { describeSimulatedVerdicts } from '../helpers/simulated-verdicts.js';

// Base and head in adjacent pairs on a quiet runner (each trial within ±1% of its pair's machine).
describeSimulatedVerdicts('same-runner, quiet', (c) => c.mode === 'same-runner' && c.trialNoise === undefined);
