// The notes' toy task: two companies whose normalised prices differ only on day 1; the day-1
// value decides the next day's price. A model has to carry day 1 across the whole sequence.
export interface ToyExample {
  name: string;
  xs: readonly number[];
  target: number;
}

export const TOY_DATA: readonly ToyExample[] = [
  { name: 'company A', xs: [0, 0.5, 0.25, 1], target: 0 },
  { name: 'company B', xs: [1, 0.5, 0.25, 1], target: 1 },
];
