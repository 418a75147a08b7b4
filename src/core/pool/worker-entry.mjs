// Worker threads run plain JavaScript: register tsx's loader in this thread, then load the
// TypeScript worker module. Piscina calls the default export once per job.
import { register } from 'tsx/esm/api';

register();
const { default: handle } = await import('./worker.ts');
export default handle;
