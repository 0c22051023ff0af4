import type { BotLang, Catalogue } from '../catalogue';
import { en } from './en';
import { fa } from './fa';
import { it } from './it';
import { pt } from './pt';
import { ro } from './ro';
import { ru } from './ru';

export const catalogues: Readonly<Record<BotLang, Catalogue>> = { en, it, ro, fa, ru, pt };
