// npm run build:word2vec-wasm — compiles src/nn/word2vec/kernel.wat to kernel.wasm (committed).
import { writeFileSync } from 'node:fs';
import { compileKernel, WASM_FILE } from '../../src/nn/word2vec/wasm.ts';

const bytes = await compileKernel();
writeFileSync(WASM_FILE, bytes);
console.log(`wrote ${WASM_FILE.pathname} (${bytes.length} bytes)`);
