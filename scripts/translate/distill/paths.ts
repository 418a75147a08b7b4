// Where the wild corpus lives (npm run data:translate-wild writes it).
import path from 'node:path';

export const WILD_DATA_DIR = path.resolve('data/translate-wild');
