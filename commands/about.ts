import { defineCommand } from '../src/core/command.ts';
import { MODEL_CATALOG, modelStatus } from '../src/nn/catalog.ts';

export const about = defineCommand({
  name: 'about',
  description: 'Which tensor engine and which models this bot runs',
  examples: ['/about'],
  options: [],
  slow: true,
  async handler() {
    // Loaded here, not at start-up: the engine costs about a second to import.
    const { initBackend } = await import('../src/nn/runtime.ts');
    const backend = await initBackend();
    const models = MODEL_CATALOG.map(modelStatus).map((m) => {
      const state = m.installed ? '✅' : '⏳ not trained yet';
      return `- **${m.id}** (${m.usedBy}): ${m.summary} ${state}`;
    });
    return {
      title: 'About nn-tutor',
      text: [
        'A study-group companion for sequence models: every number comes from small models trained by this repo’s scripts.',
        '',
        '**Models**',
        ...models,
      ].join('\n'),
      fields: [
        { name: 'Tensor engine', value: backend === 'wasm' ? 'wasm (WebAssembly)' : backend === 'tensorflow' ? 'tfjs-node (native TensorFlow)' : 'cpu (plain JavaScript)', inline: true },
        { name: 'Node.js', value: process.version, inline: true },
      ],
    };
  },
});
