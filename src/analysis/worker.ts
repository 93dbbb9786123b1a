// A worker thread of the analysis pool: receives article inputs, returns their analysis.
import { parentPort, workerData } from 'node:worker_threads';
import { analyse, selectStages, type AnalysisInput } from './pipeline.js';

const stages = selectStages(workerData?.stages as string[] | undefined);
parentPort!.on('message', (msg: { job: number; input: AnalysisInput }) => {
  try {
    parentPort!.postMessage({ job: msg.job, analysis: analyse(msg.input, stages) });
  } catch (e) {
    parentPort!.postMessage({ job: msg.job, error: `analysis failed: ${(e as Error).message}` });
  }
});
