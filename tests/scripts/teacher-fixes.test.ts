import { describe, expect, it } from 'vitest';
import { fixTeacher, teacherInput } from '../../scripts/translate/distill/teacher-fixes.ts';

describe('teacher fixes (Apertium slips mended before distillation)', () => {
  it('rewords the idioms Apertium misreads in the English it is given', () => {
    expect(teacherInput("let's study together tonight")).toBe('we are going to study together tonight');
    expect(teacherInput('Lets meet at the library.')).toBe('We are going to meet at the library.');
    expect(teacherInput('the decoder looks at every word; look at the weights')).toBe('the decoder observes every word; observe the weights');
    expect(teacherInput('Sorry, I was late')).toBe('I am sorry, I was late');
    expect(teacherInput('can you send me some coffee? sorry im sad')).toBe('can you send me some coffee? i am sorry im sad');
    expect(teacherInput('the outlet sorry state')).toBe('the outlet sorry state'); // whole words, sorry only first
  });

  it('replaces the terms it gets wrong, only when the English has them', () => {
    expect(fixTeacher('The forget gate decides what to keep.', 'El olvidar la puerta decide qué para mantener.', 'study')).toBe('La puerta de olvido decide qué para mantener.');
    expect(fixTeacher('the forget gates', 'el olvidar puertas', 'study')).toBe('las puertas de olvido');
    expect(fixTeacher('Beam search keeps the best translations.', 'Búsqueda de viga mantiene las traducciones mejores.', 'study')).toBe('Búsqueda en haz mantiene las traducciones mejores.');
    expect(fixTeacher('The hidden state carries information.', 'El estado escondido lleva información.', 'study')).toBe('El estado oculto lleva información.');
    expect(fixTeacher('The training loss goes down.', 'La pérdida de formación baja.', 'study')).toBe('La pérdida de entrenamiento baja.');
    expect(fixTeacher('teacher training in 1960', 'formación de profesores en 1960', 'brown')).toBe('formación de profesores en 1960');
    expect(fixTeacher('that sounds great', 'Aquello suena sumo.', 'chat')).toBe('Aquello suena genial.');
    expect(fixTeacher('i am sorry, i arrived late.', ' losiento ,  llegué tarde.', 'chat')).toBe('lo siento, llegué tarde.');
    expect(fixTeacher('a wooden beam', 'una viga de madera', 'brown')).toBe('una viga de madera');
    expect(fixTeacher('the beam width is four', 'El ancho de viga es cuatro.', 'study')).toBe('El ancho de haz es cuatro.');
  });
});
