// The generator's vocabulary: a beginner course's words (family, food, school, home, city,
// weather, time, daily routine, hobbies). Genders are written here (spanish-words' gender
// guesser says "la leche" is masculine); plurals come from spanish-words unless listed.

export type Gender = 'm' | 'f';

export type NounCat =
  | 'family' | 'person' | 'animal' | 'food' | 'drink' | 'home' | 'room' | 'school'
  | 'readable' | 'subject' | 'place' | 'vehicle' | 'clothing' | 'thing' | 'sport'
  | 'instrument' | 'body' | 'time' | 'media' | 'nature';

export interface Noun {
  en: string; // may hold a space: "living room"
  enPl?: string; // irregular English plural
  es: string;
  g: Gender;
  esPl?: string; // plural spanish-words gets wrong
  cat: NounCat;
  /** Feminine noun taking "el"/"un" in the singular (el agua, el aula). */
  elFem?: boolean;
  /** Mass noun: no plural, "I drink water" → "bebo agua". */
  mass?: boolean;
  /** Always plural in Spanish: "math" → "las matemáticas". */
  esPluralOnly?: boolean;
  /** Used in the plural in both languages: "my parents" → "mis padres". */
  pluralOnly?: boolean;
}

const n = (en: string, es: string, g: Gender, cat: NounCat, extra: Partial<Noun> = {}): Noun => ({ en, es, g, cat, ...extra });

export const NOUNS: Noun[] = [
  // family and people
  n('mother', 'madre', 'f', 'family'), n('father', 'padre', 'm', 'family'), n('sister', 'hermana', 'f', 'family'),
  n('brother', 'hermano', 'm', 'family'), n('grandmother', 'abuela', 'f', 'family'), n('grandfather', 'abuelo', 'm', 'family'),
  n('aunt', 'tía', 'f', 'family'), n('uncle', 'tío', 'm', 'family'), n('cousin', 'primo', 'm', 'family'),
  n('son', 'hijo', 'm', 'family'), n('daughter', 'hija', 'f', 'family'), n('wife', 'esposa', 'f', 'family', { enPl: 'wives' }),
  n('husband', 'esposo', 'm', 'family'), n('baby', 'bebé', 'm', 'family'), n('friend', 'amigo', 'm', 'family'),
  n('boy', 'niño', 'm', 'person'), n('girl', 'niña', 'f', 'person'), n('man', 'hombre', 'm', 'person', { enPl: 'men' }),
  n('woman', 'mujer', 'f', 'person', { enPl: 'women' }), n('child', 'niño', 'm', 'person', { enPl: 'children' }),
  n('teacher', 'profesor', 'm', 'person'), n('student', 'estudiante', 'm', 'person'), n('doctor', 'médico', 'm', 'person'),
  n('neighbor', 'vecino', 'm', 'person'), n('nurse', 'enfermera', 'f', 'person'), n('waiter', 'camarero', 'm', 'person'),
  n('family', 'familia', 'f', 'family'), n('classmate', 'compañero', 'm', 'person'), n('boss', 'jefe', 'm', 'person'),
  // animals
  n('dog', 'perro', 'm', 'animal'), n('cat', 'gato', 'm', 'animal'), n('bird', 'pájaro', 'm', 'animal'),
  n('horse', 'caballo', 'm', 'animal'), n('cow', 'vaca', 'f', 'animal'), n('mouse', 'ratón', 'm', 'animal', { enPl: 'mice' }),
  n('rabbit', 'conejo', 'm', 'animal'), n('duck', 'pato', 'm', 'animal'), n('pig', 'cerdo', 'm', 'animal'),
  n('lion', 'león', 'm', 'animal'), n('elephant', 'elefante', 'm', 'animal'), n('monkey', 'mono', 'm', 'animal'),
  n('bear', 'oso', 'm', 'animal'), n('snake', 'serpiente', 'f', 'animal'), n('sheep', 'oveja', 'f', 'animal', { enPl: 'sheep' }),
  // food
  n('apple', 'manzana', 'f', 'food'), n('bread', 'pan', 'm', 'food', { mass: true }), n('cheese', 'queso', 'm', 'food', { mass: true }),
  n('rice', 'arroz', 'm', 'food', { mass: true }), n('meat', 'carne', 'f', 'food', { mass: true }), n('chicken', 'pollo', 'm', 'food', { mass: true }),
  n('fish', 'pescado', 'm', 'food', { mass: true }), n('egg', 'huevo', 'm', 'food'), n('banana', 'plátano', 'm', 'food'),
  n('orange', 'naranja', 'f', 'food'), n('soup', 'sopa', 'f', 'food', { mass: true }), n('salad', 'ensalada', 'f', 'food'),
  n('sandwich', 'sándwich', 'm', 'food', { enPl: 'sandwiches', esPl: 'sándwiches' }), n('pizza', 'pizza', 'f', 'food'),
  n('cake', 'pastel', 'm', 'food'), n('cookie', 'galleta', 'f', 'food'), n('tomato', 'tomate', 'm', 'food', { enPl: 'tomatoes' }),
  n('potato', 'patata', 'f', 'food', { enPl: 'potatoes' }), n('carrot', 'zanahoria', 'f', 'food'), n('strawberry', 'fresa', 'f', 'food'),
  n('grape', 'uva', 'f', 'food'), n('lemon', 'limón', 'm', 'food'), n('sugar', 'azúcar', 'm', 'food', { mass: true }),
  n('salt', 'sal', 'f', 'food', { mass: true }), n('butter', 'mantequilla', 'f', 'food', { mass: true }), n('breakfast', 'desayuno', 'm', 'food'),
  n('lunch', 'almuerzo', 'm', 'food'), n('dinner', 'cena', 'f', 'food'), n('ice cream', 'helado', 'm', 'food', { mass: true }),
  n('chocolate', 'chocolate', 'm', 'food', { mass: true }), n('pasta', 'pasta', 'f', 'food', { mass: true }), n('vegetable', 'verdura', 'f', 'food'),
  n('fruit', 'fruta', 'f', 'food', { mass: true }), n('candy', 'caramelo', 'm', 'food', { enPl: 'candies' }),
  // drinks
  n('water', 'agua', 'f', 'drink', { mass: true, elFem: true }), n('milk', 'leche', 'f', 'drink', { mass: true }),
  n('coffee', 'café', 'm', 'drink', { mass: true }), n('tea', 'té', 'm', 'drink', { mass: true }), n('juice', 'jugo', 'm', 'drink', { mass: true }),
  n('wine', 'vino', 'm', 'drink', { mass: true }), n('beer', 'cerveza', 'f', 'drink', { mass: true }), n('lemonade', 'limonada', 'f', 'drink', { mass: true }),
  n('soda', 'refresco', 'm', 'drink'),
  // home
  n('house', 'casa', 'f', 'place'), n('kitchen', 'cocina', 'f', 'room'), n('bedroom', 'dormitorio', 'm', 'room'),
  n('bathroom', 'baño', 'm', 'room'), n('living room', 'sala', 'f', 'room'), n('garden', 'jardín', 'm', 'room'),
  n('door', 'puerta', 'f', 'home'), n('window', 'ventana', 'f', 'home'), n('table', 'mesa', 'f', 'home'),
  n('chair', 'silla', 'f', 'home'), n('bed', 'cama', 'f', 'home'), n('sofa', 'sofá', 'm', 'home'),
  n('lamp', 'lámpara', 'f', 'home'), n('television', 'televisión', 'f', 'home'), n('computer', 'computadora', 'f', 'home'),
  n('phone', 'teléfono', 'm', 'thing'), n('key', 'llave', 'f', 'thing'), n('box', 'caja', 'f', 'thing', { enPl: 'boxes' }),
  n('floor', 'suelo', 'm', 'home'), n('wall', 'pared', 'f', 'home'), n('mirror', 'espejo', 'm', 'home'),
  n('clock', 'reloj', 'm', 'home'), n('cup', 'taza', 'f', 'thing'), n('glass', 'vaso', 'm', 'thing', { enPl: 'glasses' }),
  n('plate', 'plato', 'm', 'thing'), n('fork', 'tenedor', 'm', 'thing'), n('knife', 'cuchillo', 'm', 'thing', { enPl: 'knives' }),
  n('spoon', 'cuchara', 'f', 'thing'), n('refrigerator', 'refrigerador', 'm', 'home'), n('towel', 'toalla', 'f', 'thing'),
  n('picture', 'cuadro', 'm', 'home'), n('apartment', 'apartamento', 'm', 'place'), n('room', 'habitación', 'f', 'room'),
  // school
  n('school', 'escuela', 'f', 'place'), n('classroom', 'aula', 'f', 'room', { elFem: true }), n('book', 'libro', 'm', 'readable'),
  n('notebook', 'cuaderno', 'm', 'school'), n('pen', 'bolígrafo', 'm', 'school'), n('pencil', 'lápiz', 'm', 'school'),
  n('paper', 'papel', 'm', 'school'), n('desk', 'escritorio', 'm', 'school'), n('backpack', 'mochila', 'f', 'school'),
  n('lesson', 'lección', 'f', 'school'), n('class', 'clase', 'f', 'school', { enPl: 'classes' }), n('homework', 'tarea', 'f', 'school', { mass: true }),
  n('exam', 'examen', 'm', 'school'), n('question', 'pregunta', 'f', 'school'), n('answer', 'respuesta', 'f', 'school'),
  n('word', 'palabra', 'f', 'readable'), n('sentence', 'frase', 'f', 'readable'), n('letter', 'carta', 'f', 'readable'),
  n('map', 'mapa', 'm', 'school'), n('dictionary', 'diccionario', 'm', 'readable', { enPl: 'dictionaries' }),
  n('board', 'pizarra', 'f', 'school'), n('library', 'biblioteca', 'f', 'place', { enPl: 'libraries' }),
  n('university', 'universidad', 'f', 'place', { enPl: 'universities' }), n('newspaper', 'periódico', 'm', 'readable'),
  n('magazine', 'revista', 'f', 'readable'), n('story', 'cuento', 'm', 'readable', { enPl: 'stories' }),
  // school subjects (no article after study/learn/speak)
  n('Spanish', 'español', 'm', 'subject', { mass: true }), n('English', 'inglés', 'm', 'subject', { mass: true }),
  n('math', 'matemáticas', 'f', 'subject', { mass: true, esPluralOnly: true }), n('history', 'historia', 'f', 'subject', { mass: true }),
  n('science', 'ciencia', 'f', 'subject', { mass: true }), n('art', 'arte', 'm', 'subject', { mass: true }),
  n('music', 'música', 'f', 'subject', { mass: true }), n('French', 'francés', 'm', 'subject', { mass: true }),
  // city and travel
  n('city', 'ciudad', 'f', 'place', { enPl: 'cities' }), n('street', 'calle', 'f', 'place'), n('park', 'parque', 'm', 'place'),
  n('store', 'tienda', 'f', 'place'), n('market', 'mercado', 'm', 'place'), n('supermarket', 'supermercado', 'm', 'place'),
  n('bank', 'banco', 'm', 'place'), n('hospital', 'hospital', 'm', 'place'), n('church', 'iglesia', 'f', 'place', { enPl: 'churches' }),
  n('restaurant', 'restaurante', 'm', 'place'), n('hotel', 'hotel', 'm', 'place'), n('museum', 'museo', 'm', 'place'),
  n('station', 'estación', 'f', 'place'), n('airport', 'aeropuerto', 'm', 'place'), n('beach', 'playa', 'f', 'place', { enPl: 'beaches' }),
  n('cinema', 'cine', 'm', 'place'), n('office', 'oficina', 'f', 'place'), n('bridge', 'puente', 'm', 'place'),
  n('building', 'edificio', 'm', 'place'), n('square', 'plaza', 'f', 'place'), n('town', 'pueblo', 'm', 'place'),
  n('country', 'país', 'm', 'place', { enPl: 'countries', esPl: 'países' }), n('river', 'río', 'm', 'place'),
  n('mountain', 'montaña', 'f', 'place'), n('lake', 'lago', 'm', 'place'), n('farm', 'granja', 'f', 'place'),
  n('zoo', 'zoológico', 'm', 'place'), n('pool', 'piscina', 'f', 'place'), n('gym', 'gimnasio', 'm', 'place'),
  n('theater', 'teatro', 'm', 'place'), n('bakery', 'panadería', 'f', 'place', { enPl: 'bakeries' }),
  n('pharmacy', 'farmacia', 'f', 'place', { enPl: 'pharmacies' }),
  n('bus', 'autobús', 'm', 'vehicle', { enPl: 'buses' }), n('car', 'coche', 'm', 'vehicle'), n('train', 'tren', 'm', 'vehicle'),
  n('bicycle', 'bicicleta', 'f', 'vehicle'), n('plane', 'avión', 'm', 'vehicle'), n('taxi', 'taxi', 'm', 'vehicle'),
  n('boat', 'barco', 'm', 'vehicle'), n('ticket', 'boleto', 'm', 'thing'), n('money', 'dinero', 'm', 'thing', { mass: true }),
  // clothing
  n('shirt', 'camisa', 'f', 'clothing'), n('dress', 'vestido', 'm', 'clothing', { enPl: 'dresses' }), n('shoe', 'zapato', 'm', 'clothing'),
  n('hat', 'sombrero', 'm', 'clothing'), n('coat', 'abrigo', 'm', 'clothing'), n('skirt', 'falda', 'f', 'clothing'),
  n('jacket', 'chaqueta', 'f', 'clothing'), n('sock', 'calcetín', 'm', 'clothing'), n('sweater', 'suéter', 'm', 'clothing', { esPl: 'suéteres' }),
  n('umbrella', 'paraguas', 'm', 'thing', { esPl: 'paraguas' }), n('bag', 'bolsa', 'f', 'thing'),
  // hobbies
  n('ball', 'pelota', 'f', 'thing'), n('game', 'juego', 'm', 'thing'), n('movie', 'película', 'f', 'media'),
  n('song', 'canción', 'f', 'media'), n('photo', 'foto', 'f', 'media'), n('toy', 'juguete', 'm', 'thing'),
  n('gift', 'regalo', 'm', 'thing'), n('flower', 'flor', 'f', 'thing'), n('tree', 'árbol', 'm', 'thing'),
  n('guitar', 'guitarra', 'f', 'instrument'), n('piano', 'piano', 'm', 'instrument'), n('violin', 'violín', 'm', 'instrument'),
  n('drum', 'tambor', 'm', 'instrument'),
  n('soccer', 'fútbol', 'm', 'sport', { mass: true }), n('basketball', 'baloncesto', 'm', 'sport', { mass: true }),
  n('tennis', 'tenis', 'm', 'sport', { mass: true }), n('chess', 'ajedrez', 'm', 'sport', { mass: true }),
  n('baseball', 'béisbol', 'm', 'sport', { mass: true }), n('video game', 'videojuego', 'm', 'thing'),
  n('party', 'fiesta', 'f', 'media', { enPl: 'parties' }), n('birthday', 'cumpleaños', 'm', 'time', { esPl: 'cumpleaños' }),
  // time
  n('day', 'día', 'm', 'time'), n('week', 'semana', 'f', 'time'), n('month', 'mes', 'm', 'time'), n('year', 'año', 'm', 'time'),
  n('hour', 'hora', 'f', 'time'), n('minute', 'minuto', 'm', 'time'), n('night', 'noche', 'f', 'time'),
  // body
  n('hand', 'mano', 'f', 'body'), n('head', 'cabeza', 'f', 'body'), n('eye', 'ojo', 'm', 'body'),
  n('tooth', 'diente', 'm', 'body', { enPl: 'teeth' }), n('foot', 'pie', 'm', 'body', { enPl: 'feet' }),
  n('arm', 'brazo', 'm', 'body'), n('face', 'cara', 'f', 'body'), n('hair', 'pelo', 'm', 'body', { mass: true }),
  // nature and weather
  n('sun', 'sol', 'm', 'nature'), n('sky', 'cielo', 'm', 'nature'), n('cloud', 'nube', 'f', 'nature'),
  n('rain', 'lluvia', 'f', 'nature', { mass: true }), n('snow', 'nieve', 'f', 'nature', { mass: true }),
  // more of a beginner course's everyday words
  n('parent', 'padre', 'm', 'family', { pluralOnly: true }), n('grandparent', 'abuelo', 'm', 'family', { pluralOnly: true }), n('girlfriend', 'novia', 'f', 'family'),
  n('boyfriend', 'novio', 'm', 'family'), n('kid', 'niño', 'm', 'person'), n('principal', 'director', 'm', 'person'),
  n('turtle', 'tortuga', 'f', 'animal'), n('frog', 'rana', 'f', 'animal'), n('tiger', 'tigre', 'm', 'animal'),
  n('giraffe', 'jirafa', 'f', 'animal'), n('wolf', 'lobo', 'm', 'animal', { enPl: 'wolves' }), n('butterfly', 'mariposa', 'f', 'animal', { enPl: 'butterflies' }),
  n('spider', 'araña', 'f', 'animal'), n('hamster', 'hámster', 'm', 'animal', { esPl: 'hámsteres' }), n('fish tank', 'pecera', 'f', 'thing'),
  n('onion', 'cebolla', 'f', 'food'), n('corn', 'maíz', 'm', 'food', { mass: true }), n('bean', 'frijol', 'm', 'food'),
  n('hamburger', 'hamburguesa', 'f', 'food'), n('yogurt', 'yogur', 'm', 'food', { mass: true }), n('cereal', 'cereal', 'm', 'food', { mass: true }),
  n('honey', 'miel', 'f', 'food', { mass: true }), n('pear', 'pera', 'f', 'food'), n('pineapple', 'piña', 'f', 'food'),
  n('watermelon', 'sandía', 'f', 'food'), n('peach', 'melocotón', 'm', 'food', { enPl: 'peaches' }), n('cherry', 'cereza', 'f', 'food', { enPl: 'cherries' }),
  n('dessert', 'postre', 'm', 'food'), n('meal', 'comida', 'f', 'food'), n('food', 'comida', 'f', 'food', { mass: true }),
  n('toast', 'tostada', 'f', 'food'), n('noodle', 'fideo', 'm', 'food'),
  n('roof', 'techo', 'm', 'home'), n('shower', 'ducha', 'f', 'home'), n('oven', 'horno', 'm', 'home'),
  n('closet', 'armario', 'm', 'home'), n('pillow', 'almohada', 'f', 'thing'), n('blanket', 'manta', 'f', 'thing'),
  n('soap', 'jabón', 'm', 'thing', { mass: true }), n('garage', 'garaje', 'm', 'room'), n('dining room', 'comedor', 'm', 'room'),
  n('light', 'luz', 'f', 'home', { esPl: 'luces' }), n('shelf', 'estante', 'm', 'home', { enPl: 'shelves' }),
  n('test', 'examen', 'm', 'school'), n('subject', 'asignatura', 'f', 'school'), n('ruler', 'regla', 'f', 'school'),
  n('eraser', 'goma', 'f', 'school'), n('calculator', 'calculadora', 'f', 'school'), n('page', 'página', 'f', 'readable'),
  n('grade', 'nota', 'f', 'school'), n('poem', 'poema', 'm', 'readable'), n('email', 'correo', 'm', 'readable'),
  n('corner', 'esquina', 'f', 'place'), n('stadium', 'estadio', 'm', 'place'),
  n('neighborhood', 'barrio', 'm', 'place'), n('road', 'carretera', 'f', 'place'),
  n('village', 'pueblo', 'm', 'place'), n('island', 'isla', 'f', 'place'), n('forest', 'bosque', 'm', 'place'),
  n('sea', 'mar', 'm', 'place'), n('field', 'campo', 'm', 'place'),
  n('motorcycle', 'moto', 'f', 'vehicle'), n('subway', 'metro', 'm', 'vehicle'), n('truck', 'camión', 'm', 'vehicle'),
  n('boot', 'bota', 'f', 'clothing'), n('glove', 'guante', 'm', 'clothing'), n('scarf', 'bufanda', 'f', 'clothing', { enPl: 'scarves' }),
  n('belt', 'cinturón', 'm', 'clothing'),
  n('kite', 'cometa', 'f', 'thing'), n('card', 'tarjeta', 'f', 'thing'), n('present', 'regalo', 'm', 'thing'),
  n('camera', 'cámara', 'f', 'thing'), n('bottle', 'botella', 'f', 'thing'), n('wallet', 'cartera', 'f', 'thing'),
  n('flute', 'flauta', 'f', 'instrument'), n('trumpet', 'trompeta', 'f', 'instrument'),
  n('volleyball', 'voleibol', 'm', 'sport', { mass: true }), n('golf', 'golf', 'm', 'sport', { mass: true }),
  n('show', 'programa', 'm', 'media'), n('concert', 'concierto', 'm', 'media'),
  n('morning', 'mañana', 'f', 'time'), n('afternoon', 'tarde', 'f', 'time'),
  n('leg', 'pierna', 'f', 'body'), n('nose', 'nariz', 'f', 'body', { esPl: 'narices', enPl: 'noses' }), n('mouth', 'boca', 'f', 'body'),
  n('ear', 'oreja', 'f', 'body'), n('back', 'espalda', 'f', 'body'), n('finger', 'dedo', 'm', 'body'),
  n('moon', 'luna', 'f', 'nature'), n('star', 'estrella', 'f', 'nature'), n('wind', 'viento', 'm', 'nature', { mass: true }),
  n('grass', 'hierba', 'f', 'nature', { mass: true }), n('flower shop', 'floristería', 'f', 'place'),
];

export type AdjUse = 'thing' | 'person' | 'food' | 'color';

export interface Adjective {
  en: string;
  es: string; // masculine singular
  esF?: string; // feminine when not the -o → -a rule or invariant
  /** Copula with a person/thing subject: ser for traits, estar for states. */
  copula: 'ser' | 'estar';
  uses: AdjUse[];
}

const a = (en: string, es: string, copula: 'ser' | 'estar', uses: AdjUse[], esF?: string): Adjective => ({ en, es, copula, uses, esF });

export const ADJECTIVES: Adjective[] = [
  a('big', 'grande', 'ser', ['thing', 'person']), a('small', 'pequeño', 'ser', ['thing', 'person']), a('new', 'nuevo', 'ser', ['thing']),
  a('old', 'viejo', 'ser', ['thing', 'person']), a('beautiful', 'bonito', 'ser', ['thing', 'person']), a('ugly', 'feo', 'ser', ['thing']),
  a('good', 'bueno', 'ser', ['thing', 'person', 'food']), a('bad', 'malo', 'ser', ['thing', 'food']), a('expensive', 'caro', 'ser', ['thing', 'food']),
  a('cheap', 'barato', 'ser', ['thing', 'food']), a('long', 'largo', 'ser', ['thing']), a('short', 'corto', 'ser', ['thing']),
  a('important', 'importante', 'ser', ['thing', 'person']), a('interesting', 'interesante', 'ser', ['thing', 'person']),
  a('boring', 'aburrido', 'ser', ['thing']), a('easy', 'fácil', 'ser', ['thing']), a('difficult', 'difícil', 'ser', ['thing']),
  a('heavy', 'pesado', 'ser', ['thing']), a('modern', 'moderno', 'ser', ['thing']), a('quiet', 'tranquilo', 'ser', ['thing', 'person']),
  a('noisy', 'ruidoso', 'ser', ['thing']), a('fast', 'rápido', 'ser', ['thing', 'person']), a('slow', 'lento', 'ser', ['thing']),
  a('different', 'diferente', 'ser', ['thing']), a('clean', 'limpio', 'estar', ['thing']), a('dirty', 'sucio', 'estar', ['thing']),
  a('full', 'lleno', 'estar', ['thing']), a('empty', 'vacío', 'estar', ['thing']), a('open', 'abierto', 'estar', ['thing']),
  a('closed', 'cerrado', 'estar', ['thing']), a('broken', 'roto', 'estar', ['thing']),
  a('red', 'rojo', 'ser', ['color']), a('blue', 'azul', 'ser', ['color']), a('green', 'verde', 'ser', ['color']),
  a('yellow', 'amarillo', 'ser', ['color']), a('black', 'negro', 'ser', ['color']), a('white', 'blanco', 'ser', ['color']),
  a('brown', 'marrón', 'ser', ['color']), a('gray', 'gris', 'ser', ['color']), a('purple', 'morado', 'ser', ['color']),
  a('tall', 'alto', 'ser', ['person', 'thing']), a('young', 'joven', 'ser', ['person']), a('happy', 'feliz', 'estar', ['person']),
  a('sad', 'triste', 'estar', ['person']), a('tired', 'cansado', 'estar', ['person']), a('sick', 'enfermo', 'estar', ['person']),
  a('angry', 'enojado', 'estar', ['person']), a('busy', 'ocupado', 'estar', ['person']), a('ready', 'listo', 'estar', ['person']),
  a('bored', 'aburrido', 'estar', ['person']), a('nervous', 'nervioso', 'estar', ['person']), a('worried', 'preocupado', 'estar', ['person']),
  a('nice', 'simpático', 'ser', ['person']), a('friendly', 'amable', 'ser', ['person']), a('funny', 'divertido', 'ser', ['person', 'thing']),
  a('smart', 'inteligente', 'ser', ['person']), a('lazy', 'perezoso', 'ser', ['person']), a('strong', 'fuerte', 'ser', ['person']),
  a('hardworking', 'trabajador', 'ser', ['person'], 'trabajadora'), a('shy', 'tímido', 'ser', ['person']),
  a('hot', 'caliente', 'estar', ['food']), a('cold', 'frío', 'estar', ['food']), a('delicious', 'delicioso', 'estar', ['food']),
  a('fresh', 'fresco', 'estar', ['food']), a('sweet', 'dulce', 'ser', ['food']), a('spicy', 'picante', 'ser', ['food']),
  a('favorite', 'favorito', 'ser', ['thing', 'food']), a('comfortable', 'cómodo', 'ser', ['thing']), a('dangerous', 'peligroso', 'ser', ['thing', 'person']),
  a('famous', 'famoso', 'ser', ['thing', 'person']), a('rich', 'rico', 'ser', ['person']), a('poor', 'pobre', 'ser', ['person']),
  a('handsome', 'guapo', 'ser', ['person']), a('pretty', 'bonito', 'ser', ['thing', 'person']), a('short', 'bajo', 'ser', ['person']),
  a('thin', 'delgado', 'ser', ['person']), a('blond', 'rubio', 'ser', ['person']), a('kind', 'amable', 'ser', ['person']),
  a('wet', 'mojado', 'estar', ['thing']), a('dry', 'seco', 'estar', ['thing']), a('pink', 'rosa', 'ser', ['color'], 'rosa'),
  a('glad', 'contento', 'estar', ['person']), a('excited', 'emocionado', 'estar', ['person']), a('scared', 'asustado', 'estar', ['person']),
  a('surprised', 'sorprendido', 'estar', ['person']), a('married', 'casado', 'estar', ['person']), a('healthy', 'sano', 'ser', ['person', 'food']),
  a('salty', 'salado', 'ser', ['food']), a('dark', 'oscuro', 'ser', ['thing']), a('soft', 'suave', 'ser', ['thing']),
  a('hard', 'duro', 'ser', ['thing']), a('safe', 'seguro', 'ser', ['thing']), a('wonderful', 'maravilloso', 'ser', ['thing', 'person']),
  a('excellent', 'excelente', 'ser', ['thing', 'person', 'food']), a('popular', 'popular', 'ser', ['thing', 'person']), a('polite', 'educado', 'ser', ['person']),
 a('ill', 'enfermo', 'estar', ['person']), a('warm', 'caliente', 'estar', ['food']),
];

/** Verbs: English forms (irregular ones written out) and the Spanish infinitive. */
export interface Verb {
  en: string; // base form
  en3?: string; // he ___
  enPast?: string;
  enIng?: string;
  es: string; // infinitive (without -se for reflexives)
  reflexive?: boolean;
  /** Object categories for transitive use; undefined = intransitive. */
  obj?: NounCat[];
  /** Words after the English verb before its object, e.g. "listen to", "wait for". */
  enPrep?: string;
  /** Spanish word before the object, e.g. jugar "a" (al fútbol), montar "en". */
  esPrep?: string;
  /** Object without article in Spanish (escuchar música, estudiar español). */
  bareObj?: boolean;
  /** Intransitive with a place: go to / live in. */
  place?: 'to' | 'in';
  /** Only these English nouns as objects (within obj's categories). */
  objNouns?: string[];
}

const v = (en: string, es: string, extra: Partial<Verb> = {}): Verb => ({ en, es, ...extra });
const PEOPLE: NounCat[] = ['family', 'person'];

export const VERBS: Verb[] = [
  v('eat', 'comer', { enPast: 'ate', enIng: 'eating', obj: ['food'] }),
  v('drink', 'beber', { enPast: 'drank', obj: ['drink'] }),
  v('read', 'leer', { enPast: 'read', obj: ['readable'] }),
  v('write', 'escribir', { enPast: 'wrote', enIng: 'writing', obj: ['readable'] }),
  v('speak', 'hablar', { enPast: 'spoke', obj: ['subject'], bareObj: true, objNouns: ['Spanish', 'English', 'French'] }),
  v('learn', 'aprender', { obj: ['subject'], bareObj: true }),
  v('study', 'estudiar', { en3: 'studies', enPast: 'studied', obj: ['subject'], bareObj: true }),
  v('see', 'ver', { enPast: 'saw', enIng: 'seeing', obj: ['family', 'person', 'animal', 'place', 'thing', 'vehicle', 'media'] }),
  v('watch', 'ver', { en3: 'watches', obj: ['media', 'home'] }),
  v('make', 'hacer', { enPast: 'made', enIng: 'making', obj: ['food'] }),
  v('do', 'hacer', { en3: 'does', enPast: 'did', obj: ['school'], objNouns: ['homework'] }),
  v('know', 'conocer', { enPast: 'knew', obj: ['family', 'person', 'place'] }),
  v('buy', 'comprar', { enPast: 'bought', obj: ['food', 'drink', 'thing', 'clothing', 'readable', 'vehicle', 'school'] }),
  v('sell', 'vender', { enPast: 'sold', obj: ['food', 'thing', 'clothing', 'vehicle', 'readable'] }),
  v('cook', 'cocinar', { obj: ['food'] }),
  v('clean', 'limpiar', { obj: ['room', 'home', 'place', 'vehicle', 'thing'] }),
  v('open', 'abrir', { obj: ['home', 'readable', 'thing', 'school', 'place'], objNouns: ['door', 'window', 'refrigerator', 'book', 'letter', 'box', 'bag', 'notebook', 'backpack', 'dictionary', 'store', 'bank', 'umbrella'] }),
  v('close', 'cerrar', { enIng: 'closing', obj: ['home', 'readable', 'thing', 'school', 'place'], objNouns: ['door', 'window', 'refrigerator', 'book', 'box', 'bag', 'notebook', 'backpack', 'dictionary', 'store', 'bank', 'umbrella'] }),
  v('look for', 'buscar', { obj: ['family', 'person', 'animal', 'thing', 'clothing', 'place', 'school', 'readable'] }),
  v('find', 'encontrar', { enPast: 'found', obj: ['animal', 'thing', 'clothing', 'school', 'readable'] }),
  v('use', 'usar', { enIng: 'using', obj: ['thing', 'home', 'school'] }),
  v('wear', 'llevar', { enPast: 'wore', obj: ['clothing'] }),
  v('visit', 'visitar', { obj: ['family', 'person', 'place'] }),
  v('help', 'ayudar', { obj: ['family', 'person'] }),
  v('call', 'llamar', { obj: ['family', 'person'] }),
  v('wait for', 'esperar', { obj: ['family', 'person', 'vehicle'] }),
  v('listen to', 'escuchar', { obj: ['media', 'family', 'person', 'subject'] }),
  v('play', 'jugar', { obj: ['sport'], esPrep: 'a' }),
  v('play', 'tocar', { obj: ['instrument'] }),
  v('ride', 'montar', { enPast: 'rode', enIng: 'riding', obj: ['vehicle', 'animal'], esPrep: 'en' }),
  v('take', 'tomar', { enPast: 'took', enIng: 'taking', obj: ['vehicle'] }),
  v('have', 'tener', { en3: 'has', enPast: 'had', enIng: 'having', obj: ['family', 'animal', 'thing', 'vehicle', 'clothing', 'school', 'readable'] }),
  v('want', 'querer', { obj: ['food', 'drink', 'thing', 'clothing', 'vehicle', 'readable', 'animal'] }),
  v('need', 'necesitar', { obj: ['food', 'drink', 'thing', 'clothing', 'school', 'vehicle'] }),
  v('prepare', 'preparar', { enIng: 'preparing', obj: ['food'] }),
  v('wash', 'lavar', { en3: 'washes', obj: ['thing', 'vehicle', 'clothing'] }),
  v('paint', 'pintar', { obj: ['home', 'room', 'place', 'thing'] }),
  v('draw', 'dibujar', { enPast: 'drew', obj: ['animal', 'thing', 'place'] }),
  v('bring', 'traer', { enPast: 'brought', obj: ['food', 'drink', 'thing', 'school', 'readable'] }),
  v('lose', 'perder', { enPast: 'lost', enIng: 'losing', obj: ['thing', 'school', 'clothing', 'readable'] }),
  v('understand', 'entender', { enPast: 'understood', obj: ['school', 'readable', 'subject'], objNouns: ['lesson', 'question', 'answer', 'word', 'sentence', 'letter', 'story', 'book', 'homework', 'Spanish', 'English', 'math', 'history', 'science', 'French'] }),
  v('finish', 'terminar', { en3: 'finishes', obj: ['school', 'food', 'readable'], objNouns: ['class', 'lesson', 'exam', 'homework', 'book', 'letter', 'story', 'breakfast', 'lunch', 'dinner', 'soup', 'salad', 'pizza', 'cake'] }),
  v('start', 'empezar', { obj: ['school', 'readable'], objNouns: ['class', 'lesson', 'exam', 'homework', 'book', 'letter', 'story'] }),
  v('teach', 'enseñar', { en3: 'teaches', enPast: 'taught', obj: ['subject'], bareObj: true }),
  v('remember', 'recordar', { obj: ['family', 'person', 'school', 'readable'] }),
  v('forget', 'olvidar', { enPast: 'forgot', enIng: 'forgetting', obj: ['thing', 'school', 'readable', 'clothing'] }),
  v('love', 'amar', { enIng: 'loving', obj: ['family'] }),
  v('hate', 'odiar', { enIng: 'hating', obj: ['food', 'school'] }),
  v('pay for', 'pagar', { enPast: 'paid', obj: ['food', 'drink', 'thing', 'clothing'] }),
  v('win', 'ganar', { enPast: 'won', enIng: 'winning', obj: ['thing'] }),
  v('drive', 'conducir', { enPast: 'drove', enIng: 'driving', obj: ['vehicle'] }),
  v('answer', 'contestar', { obj: ['school', 'thing', 'readable'], objNouns: ['question', 'phone', 'letter'] }),
  v('ask', 'preguntar', {}),
  // intransitive, optionally with a place
  v('go', 'ir', { en3: 'goes', enPast: 'went', place: 'to' }),
  v('live', 'vivir', { enIng: 'living', place: 'in' }),
  v('work', 'trabajar', { place: 'in' }),
  v('walk', 'caminar', { place: 'to' }),
  v('run', 'correr', { enPast: 'ran', enIng: 'running', place: 'to' }),
  v('swim', 'nadar', { enPast: 'swam', enIng: 'swimming', place: 'in' }),
  v('sleep', 'dormir', { enPast: 'slept', place: 'in' }),
  v('dance', 'bailar', { enIng: 'dancing', place: 'in' }),
  v('sing', 'cantar', { enPast: 'sang', place: 'in' }),
  v('travel', 'viajar', { enPast: 'traveled', enIng: 'traveling', place: 'to' }),
  v('arrive', 'llegar', { enIng: 'arriving', place: 'to' }),
  v('come', 'venir', { enPast: 'came', enIng: 'coming', place: 'to' }),
  v('come back', 'volver', { enPast: 'came back', enIng: 'coming back', place: 'to' }),
  v('leave', 'salir', { enPast: 'left', enIng: 'leaving' }),
  v('rest', 'descansar', { place: 'in' }),
  v('cry', 'llorar', { en3: 'cries', enPast: 'cried' }),
  v('laugh', 'reír', { enIng: 'laughing' }),
  v('think', 'pensar', { enPast: 'thought' }),
  v('have breakfast', 'desayunar', { en3: 'has breakfast', enPast: 'had breakfast', enIng: 'having breakfast' }),
  v('have lunch', 'almorzar', { en3: 'has lunch', enPast: 'had lunch', enIng: 'having lunch' }),
  v('have dinner', 'cenar', { en3: 'has dinner', enPast: 'had dinner', enIng: 'having dinner' }),
  v('eat breakfast', 'desayunar'), v('eat lunch', 'almorzar'), v('eat dinner', 'cenar'),
  v('play', 'jugar', { place: 'in' }), // "the children are playing in the garden"

  // daily routine (reflexive)
  v('wake up', 'despertar', { reflexive: true }),
  v('get up', 'levantar', { enPast: 'got up', enIng: 'getting up', reflexive: true }),
  v('take a shower', 'duchar', { enPast: 'took a shower', enIng: 'taking a shower', reflexive: true }),
  v('get dressed', 'vestir', { enPast: 'got dressed', enIng: 'getting dressed', reflexive: true }),
  v('go to bed', 'acostar', { en3: 'goes to bed', enPast: 'went to bed', reflexive: true }),
  v('sit down', 'sentar', { enPast: 'sat down', enIng: 'sitting down', reflexive: true }),
  // more everyday verbs
  v('touch', 'tocar', { en3: 'touches', obj: ['animal', 'thing', 'home'] }),
  v('look at', 'mirar', { obj: ['family', 'person', 'animal', 'thing', 'media', 'home', 'nature'] }),
  v('cut', 'cortar', { enPast: 'cut', enIng: 'cutting', obj: ['food', 'thing'], objNouns: ['bread', 'cheese', 'meat', 'apple', 'tomato', 'onion', 'pizza', 'cake', 'paper', 'watermelon'] }),
  v('change', 'cambiar', { enIng: 'changing', obj: ['clothing', 'thing'] }),
  v('fix', 'arreglar', { en3: 'fixes', obj: ['vehicle', 'thing', 'home'] }),
  v('practice', 'practicar', { enIng: 'practicing', obj: ['sport', 'instrument', 'subject'], bareObj: true }),
  v('share', 'compartir', { enIng: 'sharing', obj: ['food', 'thing'] }),
  v('invite', 'invitar', { enIng: 'inviting', obj: ['family', 'person'] }),
  v('kiss', 'besar', { en3: 'kisses', obj: ['family'] }),
  v('hug', 'abrazar', { enPast: 'hugged', enIng: 'hugging', obj: ['family', 'person'] }),
  v('miss', 'extrañar', { en3: 'misses', obj: ['family', 'person', 'place'] }),
  v('turn on', 'encender', { obj: ['home'], objNouns: ['light', 'television', 'computer', 'lamp', 'oven'] }),
  v('turn off', 'apagar', { obj: ['home'], objNouns: ['light', 'television', 'computer', 'lamp', 'oven'] }),
  v('order', 'pedir', { obj: ['food', 'drink'] }),
  v('repeat', 'repetir', { obj: ['readable', 'school'], objNouns: ['word', 'sentence', 'question', 'answer', 'lesson'] }),
  v('send', 'mandar', { obj: ['readable'], objNouns: ['letter', 'email', 'card', 'photo'] }),
  v('celebrate', 'celebrar', { enIng: 'celebrating', obj: ['time', 'media'], objNouns: ['birthday', 'party'] }),
  v('climb', 'subir', { obj: ['place', 'home', 'thing'], objNouns: ['mountain', 'tree'] }),
  v('jump', 'saltar', {}),
  v('shout', 'gritar', {}),
  v('wait', 'esperar', { place: 'in' }),
  v('listen', 'escuchar', {}),
  v('stay', 'quedar', { place: 'in', reflexive: true }),
];

export const PEOPLE_CATS = PEOPLE;

/** Numbers one–twenty. */
export const NUMBERS: [string, string][] = [
  ['one', 'uno'], ['two', 'dos'], ['three', 'tres'], ['four', 'cuatro'], ['five', 'cinco'], ['six', 'seis'],
  ['seven', 'siete'], ['eight', 'ocho'], ['nine', 'nueve'], ['ten', 'diez'], ['eleven', 'once'], ['twelve', 'doce'],
  ['thirteen', 'trece'], ['fourteen', 'catorce'], ['fifteen', 'quince'], ['sixteen', 'dieciséis'], ['seventeen', 'diecisiete'],
  ['eighteen', 'dieciocho'], ['nineteen', 'diecinueve'], ['twenty', 'veinte'],
];

export const NAMES = ['Ana', 'Juan', 'Carlos', 'Pedro', 'Elena', 'Pablo', 'Marta', 'Luis', 'Rosa', 'Diego', 'Laura', 'Miguel'];
export const NAME_GENDER: Record<string, 'm' | 'f'> = {
  Ana: 'f', Juan: 'm', Carlos: 'm', Pedro: 'm', Elena: 'f', Pablo: 'm', Marta: 'f', Luis: 'm', Rosa: 'f', Diego: 'm', Laura: 'f', Miguel: 'm',
};

export const COUNTRIES: [string, string][] = [
  ['Spain', 'España'], ['Mexico', 'México'], ['England', 'Inglaterra'], ['France', 'Francia'], ['Italy', 'Italia'],
  ['Germany', 'Alemania'], ['Colombia', 'Colombia'], ['Argentina', 'Argentina'], ['Peru', 'Perú'], ['Chile', 'Chile'],
];

export const DAYS: [string, string][] = [
  ['Monday', 'lunes'], ['Tuesday', 'martes'], ['Wednesday', 'miércoles'], ['Thursday', 'jueves'], ['Friday', 'viernes'],
  ['Saturday', 'sábado'], ['Sunday', 'domingo'],
];

/** Lower-case tokens written with a capital: names and countries (both languages), English days and languages. */
export function properNames(): { en: Set<string>; es: Set<string> } {
  const es = new Set([...NAMES.map((x) => x.toLowerCase()), ...COUNTRIES.map(([, s]) => s.toLowerCase())]);
  const en = new Set([
    ...NAMES.map((x) => x.toLowerCase()), ...COUNTRIES.map(([e]) => e.toLowerCase()),
    ...DAYS.flatMap(([e]) => [e.toLowerCase(), e.toLowerCase() + 's']), 'spanish', 'english', 'french',
  ]);
  return { en, es };
}
