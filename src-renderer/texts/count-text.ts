export interface TextCount {
  /** Characters as the clerk counts them: one per Chinese character, letter, digit or emoji. */
  count: number;
  max: number | null;
  over: boolean;
  label: string;
}

/** The counter under a text section, e.g. `120 / 3000 字`. Line breaks count, as they do in Word and WPS. */
export function countText(text: string, max: number | undefined): TextCount {
  const count = [...text.replace(/\r\n/g, '\n')].length;
  if (max === undefined) return { count, max: null, over: false, label: `${count} 字` };
  const over = count > max;
  return { count, max, over, label: over ? `${count} / ${max} 字，超出 ${count - max} 字` : `${count} / ${max} 字` };
}
