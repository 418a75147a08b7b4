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

  it('set 2 rewords the inverted "can you" and the "work" of a thing, and leaves set 1 as it was', () => {
    expect(teacherInput('Can you send me the notes?', 2)).toBe('You can send me the notes?');
    expect(teacherInput('ok. could you explain it?', 2)).toBe('ok. you could explain it?');
    expect(teacherInput('Can you send me the notes?')).toBe('Can you send me the notes?'); // set 1
    expect(teacherInput('How does the model work?', 2)).toBe('How does the model operate?');
    expect(teacherInput('it works now but my code didnt work yesterday', 2)).toBe('it operates now but my code didnt work yesterday');
    expect(teacherInput("my code didn't work", 2)).toBe("my code didn't operate");
    expect(teacherInput('she works at a bank and I work from home', 2)).toBe('she works at a bank and I work from home'); // people work
  });

  it('set 2 mends questions with do/does, "operate", please and ser/estar in the Spanish', () => {
    const fix = (en: string, es: string, kind = 'chat') => fixTeacher(en, es, kind, 2);
    expect(fix('How does it work?', 'Cómo   opera?')).toBe('Cómo funciona?');
    expect(fix('How does the model work?', 'Qué hace el modelo opera?')).toBe('Cómo el modelo funciona?');
    expect(fix('Does the model learn?', 'Hace el modelo aprende?')).toBe('el modelo aprende?');
    expect(fix('Why does the loss go up?', 'Por qué hace la pérdida remonta?')).toBe('Por qué la pérdida remonta?');
    expect(fix('What does the teacher do?', 'Qué hace el profesor?')).toBe('Qué hace el profesor?'); // "do" is the verb
    expect(fix('Please, send me the notes.', 'Complacer, enviarme las notas.')).toBe('Por favor, enviarme las notas.');
    expect(fix('You could please send me the slides?', 'Podrías complacer enviarme los deslizamientos?')).toBe('Podrías enviarme los deslizamientos, por favor?');
    expect(fix("I'm sad today.", ' Soy triste hoy.')).toBe('Estoy triste hoy.');
    expect(fix('we are so tired', 'somos tan cansados')).toBe('estamos tan cansados');
    expect(fix('that is sad', 'Aquello es triste.')).toBe('Aquello es triste.'); // no person: ser stays
    expect(fix('sorry im late', 'lo siento soy tarde')).toBe('lo siento llego tarde');
    expect(fix('The opera was long.', 'La ópera era larga.', 'brown')).toBe('La ópera era larga.');
    // set 1 leaves all of these alone
    expect(fixTeacher("I'm sad today.", 'Soy triste hoy.', 'chat')).toBe('Soy triste hoy.');
  });
});

