export interface NumberedTexts {
  textOf(stmt: { textId?: number; sql?: string }): string;
}

export function createNumberedTexts(): NumberedTexts;
