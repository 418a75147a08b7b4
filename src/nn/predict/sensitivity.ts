// How much day 1 matters for a given input: the prediction with day 1 replaced by 0 and by 1
// (the two values the notes' companies differ in). A counterfactual rather than a derivative,
// because a trained LSTM switches between answers: its local slope can be small while the swing is large.
export function dayOneSwing(predict: (xs: readonly number[]) => number, xs: readonly number[]): { low: number; high: number } {
  return { low: predict([0, ...xs.slice(1)]), high: predict([1, ...xs.slice(1)]) };
}
