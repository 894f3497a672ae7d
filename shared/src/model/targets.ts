/**
 * The guideline share of conversations we start ourselves (PRODUCT.md: at least 80%): the default of
 * settings.initiationTarget. Kept apart from settings.ts (zod schemas) so the engine, which the content
 * scripts load, imports it without pulling zod in.
 */
export const DEFAULT_INITIATION_TARGET = 0.8;
