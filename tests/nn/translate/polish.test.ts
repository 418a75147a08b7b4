import { describe, expect, it } from 'vitest';
import { detokenize } from '../../../src/nn/translate/model/subword.ts';
import { keepQuestion, polishSpanish } from '../../../src/nn/translate/infer/polish.ts';

const slots = new Map([['⟪0⟫', '3'], ['⟪1⟫', 'lol'], ['⟪2⟫', '😭'], ['⟪3⟫', 'Martina']]);
const polish = (s: string) => detokenize(polishSpanish(s.split(' '), slots), slots);

describe('polishSpanish', () => {
  it('puts a number or a name the model wrote after the final stop back inside the sentence', () => {
    expect(polish('no entiendo la pregunta . ⟪0⟫')).toBe('No entiendo la pregunta 3.');
    expect(polish('¿ vienes con ? ⟪3⟫')).toBe('¿Vienes con Martina?');
    expect(polish('no entiendo la pregunta . ⟪0⟫ ⟪2⟫')).toBe('No entiendo la pregunta 3. 😭');
  });

  it('leaves laughter and emoji trailing the sentence, and a slot already inside it', () => {
    expect(polish('estoy cansado . ⟪1⟫')).toBe('Estoy cansado. lol');
    expect(polish('no encuentro el aula . ⟪2⟫')).toBe('No encuentro el aula. 😭');
    expect(polish('la pregunta ⟪0⟫ es difícil .')).toBe('La pregunta 3 es difícil.');
  });

  it('drops the accent of a question word opening a sentence that is no question', () => {
    expect(polish('cuándo el concierto acabó , las calles estaban llenas .')).toBe('Cuando el concierto acabó, las calles estaban llenas.');
    expect(polish('vivo aquí . dónde vivo hace frío .')).toBe('Vivo aquí. Donde vivo hace frío.');
  });

  it('keeps the accent in questions, indirect questions and exclamations', () => {
    expect(polish('¿ cuándo empieza la clase ?')).toBe('¿Cuándo empieza la clase?');
    expect(polish('no sé dónde está mi cargador .')).toBe('No sé dónde está mi cargador.');
    expect(polish('qué bonito día .')).toBe('Qué bonito día.');
  });
});

describe('keepQuestion', () => {
  const ask = (s: string, en: string) => keepQuestion(s.split(' '), en).join(' ');
  it('turns the final stop of a translated question into a question mark, before trailing slots', () => {
    expect(ask('puedes mandarme las notas por favor .', 'can you send me the notes please ?')).toBe('puedes mandarme las notas por favor ?');
    expect(ask('vienes mañana ⟪2⟫', 'are you coming tomorrow? 😭')).toBe('vienes mañana ? ⟪2⟫');
    expect(ask('es lento . ⟪1⟫', 'is it slow ? lol')).toBe('es lento ? ⟪1⟫');
  });
  it('leaves statements, and questions that already ask, alone', () => {
    expect(ask('estoy cansado .', "i'm tired")).toBe('estoy cansado .');
    expect(ask('estoy cansado . ⟪1⟫ no puedo encontrar la sala ? ⟪2⟫', "i'm so tired lol can't find the room 😭")).toBe('estoy cansado . ⟪1⟫ no puedo encontrar la sala . ⟪2⟫');
    expect(ask('¿ vienes ?', 'are you coming?')).toBe('¿ vienes ?');
    expect(ask('me gusta . ¿ y a ti ?', 'i like it. do you?')).toBe('me gusta . ¿ y a ti ?');
  });
});
