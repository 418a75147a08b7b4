// A gradient replica (see parallel.ts): builds the same model on its own wasm engine, then for
// each share of a batch reads the current parameters from shared memory and writes back the
// gradient of that share's mean loss.
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend, tf } from '../../runtime.ts';
import { createModel } from '../model/config.ts';
import { disposeBatch, type Encoded, makeBatch } from './batches.ts';
import { paramOffsets, type ReplicaReply, type ReplicaSetup } from './parallel.ts';

const setup = workerData as ReplicaSetup;
const port = parentPort!;
const send = (m: ReplicaReply) => port.postMessage(m);

try {
  await initBackend(setup.backend as 'wasm');
  const model = createModel(tf, setup.config);
  const vars = setup.names.map((n) => model.params.get(n));
  const offsets = paramOffsets(vars);
  const params = new Float32Array(setup.params);
  const grads = new Float32Array(setup.grads);

  port.on('message', ({ examples }: { examples: Encoded[] }) => {
    try {
      // a copy of each slice: the main thread rewrites the buffer before the next step
      tf.tidy(() => vars.forEach((v, i) => v.assign(tf.tensor(params.slice(offsets[i]!, offsets[i + 1]!), v.shape))));
      const batch = makeBatch(tf, examples, examples.map((_, i) => i), setup.leftPad);
      const loss = tf.tidy(() => {
        const { value, grads: g } = tf.variableGrads(() => model.loss(batch), vars);
        vars.forEach((v, i) => grads.set(g[v.name]!.dataSync() as Float32Array, offsets[i]!));
        return value;
      });
      disposeBatch(batch);
      const l = loss.dataSync()[0]!;
      loss.dispose();
      send({ loss: l });
    } catch (e) {
      send({ error: (e as Error).message });
    }
  });
  send({ ready: true });
} catch (e) {
  send({ error: (e as Error).message });
}
