// Scalar activations for the toy models that work on plain numbers (the one-unit LSTM and RNN);
// the explainers re-export them, so a demo and a model compute the same thing.

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function tanh(z: number): number {
  return Math.tanh(z);
}

export function relu(z: number): number {
  return z > 0 ? z : 0;
}
