// One inference worker: its own tensor engine, models and registry (loaded on first use and kept
// for the worker's life), running jobs the main thread sends. Replies come back by structured
// clone, so PNGs travel as Uint8Array.
import { workerData } from 'node:worker_threads';
import type { CommandDef } from '../command.ts';
import type { Outcome } from '../dispatch.ts';
import { withRequestId } from '../request-id.ts';
import { Registry } from '../registry.ts';
import { runJob, type Job, type PortableContext } from './executor.ts';

export interface WorkerData {
  /** URL of the module exporting `commands` (commands/index.ts): core does not import commands/. */
  commandsModule: string;
}

export interface WorkerTask {
  job: Job;
  ctx: PortableContext;
  requestId?: string;
}

let registry: Promise<Registry> | undefined;

function load(): Promise<Registry> {
  registry ??= import((workerData as WorkerData).commandsModule).then((m: { commands: readonly CommandDef[] }) => new Registry(m.commands));
  return registry;
}

export default async function handle(task: WorkerTask): Promise<Outcome> {
  const reg = await load();
  return withRequestId(task.requestId, () => runJob(reg, task.job, task.ctx)) as Promise<Outcome>;
}
