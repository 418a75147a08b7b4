// Generated English for distillation: study-group chat and machine-learning study talk, written
// clean (capitals, apostrophes, final punctuation) so the teacher translates them well; chatify()
// then turns a clean sentence into how people type it (lowercase, no apostrophes, u/im/dont,
// typos, emoji), and the pair keeps the teacher's translation of the clean sentence.
import { Rng } from '../../../src/core/random.ts';

type Slots = Record<string, readonly string[]>;

const SLOTS: Slots = {
  model: ['the LSTM', 'the transformer', 'the RNN', 'my model', 'the seq2seq model', 'the encoder', 'the decoder', 'the network', 'our model', 'the attention model', 'the classifier', 'the language model'],
  concept: ['attention', 'backpropagation', 'gradient descent', 'the forget gate', 'the loss function', 'dropout', 'beam search', 'word embeddings', 'the softmax', 'layer normalization', 'the learning rate', 'overfitting', 'the hidden state', 'the cell state', 'positional encoding', 'self-attention', 'the vanishing gradient problem', 'teacher forcing', 'the context vector', 'tokenization', 'the validation set', 'batch size', 'the output layer', 'the activation function', 'cross-entropy', 'regularization', 'the optimizer', 'word2vec', 'the weight matrix', 'the bias'],
  thing: ['the data', 'the training set', 'the test set', 'the weights', 'the gradients', 'the loss', 'the accuracy', 'the vocabulary', 'the input', 'the output', 'the embeddings', 'the results', 'the chart', 'the heatmap', 'the error', 'the code', 'the notebook', 'the slides', 'the paper', 'the exercise', 'the example', 'the formula', 'the equation', 'the graph', 'the notes'],
  number: ['two', 'three', 'five', 'ten', 'twenty', 'a hundred', 'a few', 'many'],
  unit: ['epochs', 'layers', 'hours', 'minutes', 'days', 'examples', 'words', 'steps'],
  adj: ['hard', 'easy', 'confusing', 'interesting', 'useful', 'important', 'strange', 'simple', 'difficult', 'clear', 'boring', 'cool', 'slow', 'fast', 'long', 'short', 'good', 'bad', 'wrong', 'correct'],
  person: ['the teacher', 'my friend', 'my partner', 'the professor', 'my sister', 'my brother', 'my roommate', 'our group', 'everyone', 'nobody', 'the tutor', 'my classmate', 'Anna', 'Carlos', 'Maria', 'Tom', 'Lucy', 'Pedro'],
  day: ['today', 'tomorrow', 'tonight', 'on Monday', 'on Tuesday', 'on Friday', 'this weekend', 'next week', 'after class', 'this afternoon', 'in the morning', 'later'],
  place: ['the library', 'the cafe', 'my house', 'your house', 'the classroom', 'the park', 'the lab', 'school', 'the university', 'the office', 'home'],
  activity: ['study', 'work on the project', 'review the notes', 'do the homework', 'practice', 'read the chapter', 'prepare for the exam', 'eat something', 'watch the lecture', 'write the report', 'play a game', 'go for a walk', 'finish the exercise'],
  feeling: ['tired', 'happy', 'sad', 'hungry', 'bored', 'busy', 'ready', 'sick', 'lost', 'nervous', 'excited', 'confused', 'late', 'sorry', 'sure'],
  verbIng: ['studying', 'working', 'reading', 'coding', 'sleeping', 'eating', 'training the model', 'writing the essay', 'watching a video', 'cooking', 'waiting for the bus', 'cleaning my room'],
  verb: ['understand', 'remember', 'know', 'like', 'need', 'want', 'see', 'find', 'have', 'get'],
  obj: ['the answer', 'the question', 'the book', 'my phone', 'the password', 'the link', 'the file', 'my keys', 'the homework', 'the exam', 'the schedule', 'the address', 'a pen', 'some coffee', 'a break', 'more time', 'help'],
  trainVerb: ['train', 'test', 'run', 'evaluate', 'fix', 'change', 'check', 'save', 'load', 'debug'],
  happen: ['the loss goes up', 'the loss does not go down', 'the accuracy is very low', 'the model forgets the first words', 'the output repeats the same word', 'the gradients explode', 'the training is too slow', 'the model translates everything wrong', 'the weights become zero', 'the validation loss gets worse'],
};

const CHAT: string[] = [
  "I'm {feeling} {day}.", "Are you {feeling}?", "I'm {verbIng} right now.", 'Are you {verbIng}?', "Let's {activity} {day}.",
  'Do you want to {activity} {day}?', 'Can we meet at {place} {day}?', "I'll be at {place} {day}.", "I can't {activity} {day}.",
  "I don't {verb} {obj}.", "Don't forget {obj}.", 'Where is {obj}?', 'Do you have {obj}?', 'I need {obj}.', 'Can you send me {obj}?',
  'Thanks for {obj}.', 'Thank you so much!', 'See you {day}!', 'Good luck on the exam!', 'What are you doing {day}?', "What's up?",
  "I don't know.", "I'm not sure.", "That's {adj}.", "It's {adj}.", 'This is so {adj}.', 'How was {obj}?', 'Is {person} coming {day}?',
  "{person} isn't coming {day}.", '{person} is {feeling}.', "I think {person} is at {place}.", 'Please call me {day}.', 'Can you help me with {obj}?',
  'Where are you?', "I'm at {place}.", "I'm going to {place}.", 'Wait for me!', "I'm almost ready.", 'How are you?', "I'm fine, thanks.",
  "Sorry, I'm {feeling}.", 'Did you finish {obj}?', "I didn't finish {obj}.", 'We have a test {day}.', 'The test is {adj}.', 'I love this song!',
  'Happy birthday!', 'Are you going to {place} {day}?', "Yes, I'm going.", "No, I'm not going.", 'Who is coming?', 'Call me when you are ready.',
  "I'm hungry, let's {activity}.", 'Do you know where {obj} is?', 'My phone is dead.', "I forgot {obj} at {place}.", 'It was {adj}, right?',
];

const STUDY: string[] = [
  "I don't understand {concept}.", 'Can you explain {concept}?', 'What is {concept}?', 'Why do we need {concept}?', 'How does {concept} work?',
  '{concept} is {adj}.', '{model} uses {concept}.', 'Why does {model} need {concept}?', 'When {happen}, what should I do?', 'I think {happen} because of {concept}.',
  'We {trainVerb} {model} for {number} {unit}.', 'Did you {trainVerb} {model}?', 'I want to {trainVerb} {model} {day}.', '{model} has {number} {unit}.',
  'After {number} {unit}, {happen}.', 'My problem is that {happen}.', 'Look at {thing} after {number} {unit}.', '{thing} is {adj}.', 'Is {thing} {adj}?',
  'The difference between {concept} and {concept2} is {adj}.', 'Is {concept} the same as {concept2}?', '{concept} helps {model} learn long sentences.',
  'I read the chapter about {concept}.', 'The exercise about {concept} is {adj}.', 'Can we review {concept} {day}?', "Let's study {concept} together.",
  '{person} explained {concept} very well.', 'I still have questions about {concept}.', 'Without {concept}, {happen}.', 'We should {trainVerb} {model} again.',
  'The heatmap shows where {model} looks.', '{model} reads the sentence word by word.', 'Each word becomes a vector.', 'The decoder writes one word at a time.',
  'The encoder reads the whole sentence first.', 'Attention lets the decoder look at every input word.', 'The gradient tells us how to change the weights.',
  'A bigger learning rate makes the training faster but less stable.', 'We split the data into a training set and a test set.', 'The model predicts the next word.',
  'Can you show me {thing}?', 'I made a mistake in {thing}.', 'Where did you find {thing}?', 'I need more examples of {concept}.', 'Is this a good example of {concept}?',
  'What does {concept} do in {model}?', 'How many {unit} do we need?', '{model} is better than the old one.', '{model} is too big for my computer.',
];

export interface TalkSentence {
  en: string;
  kind: 'chat' | 'study';
}

function fill(rng: Rng, template: string): string {
  let s = template.replace(/\{(\w+?)2?\}/g, (m, k: string) => {
    const xs = SLOTS[k]!;
    return rng.pick(xs);
  });
  s = s.charAt(0).toUpperCase() + s.slice(1);
  return s;
}

/** `n` clean sentences, about half chat and half study talk, deterministic for the Rng. */
export function talkSentences(rng: Rng, n: number): TalkSentence[] {
  const out: TalkSentence[] = [];
  for (let i = 0; i < n; i++) {
    const study = rng.chance(0.5);
    const t = rng.pick(study ? STUDY : CHAT);
    let s = fill(rng, t);
    // two short sentences typed as one message
    if (rng.chance(0.2)) s += ' ' + fill(rng, rng.pick(study ? STUDY : CHAT));
    out.push({ en: s, kind: study ? 'study' : 'chat' });
  }
  return out;
}

const SHORT: [RegExp, string][] = [
  [/\bI'm\b/gi, 'im'], [/\bdon't\b/gi, 'dont'], [/\bcan't\b/gi, 'cant'], [/\bwon't\b/gi, 'wont'], [/\bdidn't\b/gi, 'didnt'],
  [/\bdoesn't\b/gi, 'doesnt'], [/\bisn't\b/gi, 'isnt'], [/\bthat's\b/gi, 'thats'], [/\bwhat's\b/gi, 'whats'], [/\bit's\b/gi, 'its'],
  [/\bI'll\b/gi, 'ill'], [/\bI've\b/gi, 'ive'], [/\blet's\b/gi, 'lets'], [/\byou're\b/gi, 'youre'],
];
const SLANG: [RegExp, string][] = [
  [/\byou\b/g, 'u'], [/\byour\b/g, 'ur'], [/\bplease\b/g, 'pls'], [/\bthanks\b/g, 'thx'], [/\bthank you\b/g, 'ty'], [/\bbecause\b/g, 'bc'],
  [/\bare\b/g, 'r'], [/\btomorrow\b/g, 'tmrw'], [/\bpeople\b/g, 'ppl'], [/\bsomething\b/g, 'smth'], [/\bto be honest\b/g, 'tbh'], [/\bright now\b/g, 'rn'],
];
export const EMOJI = ['😀', '😂', '😅', '🙂', '😭', '👍', '🙏', '🔥', '❤️', '🤔', '😴', '🎉', '📚', '💻', '✨'];

/** One typo: a swapped, dropped or doubled letter inside a word of 5+ letters. */
function typo(rng: Rng, w: string): string {
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return w;
  const i = 1 + rng.int(w.length - 2);
  const k = rng.int(3);
  if (k === 0) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  if (k === 1) return w.slice(0, i) + w.slice(i + 1);
  return w.slice(0, i) + w[i] + w.slice(i);
}

/** Clean English → chat-styled English (the meaning is unchanged; emoji are kept by the translation too). */
export function chatify(rng: Rng, clean: string, opts: { emoji?: string } = {}): string {
  let s = clean;
  for (const [re, to] of SHORT) if (rng.chance(0.85)) s = s.replace(re, to);
  s = s.toLowerCase();
  for (const [re, to] of SLANG) if (rng.chance(0.35)) s = s.replace(re, to);
  if (rng.chance(0.8)) s = s.replace(/[.!]+$/, '');
  if (rng.chance(0.4)) s = s.replace(/\?$/, '');
  if (rng.chance(0.5)) s = s.replace(/,/g, '');
  s = s
    .split(' ')
    .map((w) => (rng.chance(0.06) ? typo(rng, w) : w))
    .join(' ');
  if (opts.emoji) s += ' ' + opts.emoji;
  return s;
}
